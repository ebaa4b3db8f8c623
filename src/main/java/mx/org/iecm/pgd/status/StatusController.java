package mx.org.iecm.pgd.status;

import mx.org.iecm.pgd.web.RequestValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status?year=2021}: every line of the plan in that year (managers and administrators).
 */
@RestController
class StatusController {

  private final StatusService status;

  StatusController(StatusService status) {
    this.status = status;
  }

  @GetMapping("/api/status")
  StatusReport status(@RequestParam String year) {
    return status.status(RequestValues.year("year", year));
  }
}
