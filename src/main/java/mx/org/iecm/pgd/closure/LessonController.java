package mx.org.iecm.pgd.closure;

import java.util.List;
import mx.org.iecm.pgd.closure.LessonsLearned.Lesson;
import mx.org.iecm.pgd.closure.LessonsLearned.Query;
import mx.org.iecm.pgd.web.RequestValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search of lessons learned: {@code GET /api/lessons?line=1.2&year=2021&area=deoeyg&q=boletas}.
 */
@RestController
class LessonController {

  static final int MAX_RESULTS = 500;

  private final LessonsLearned lessons;

  LessonController(LessonsLearned lessons) {
    this.lessons = lessons;
  }

  @GetMapping("/api/lessons")
  List<Lesson> search(@RequestParam(required = false) String plan, @RequestParam(required = false) String line,
      @RequestParam(required = false) String year, @RequestParam(required = false) String area,
      @RequestParam(required = false) String q) {
    return lessons.find(new Query(plan, RequestValues.line("line", line), RequestValues.year("year", year), area, q),
        MAX_RESULTS);
  }
}
