package mx.org.iecm.pgd.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable page of an expediente, rendered on the server: readable without JavaScript.
 */
@Controller
class AuditPageController {

  private final CaseRecordService records;
  private final CaseSeals seals;

  AuditPageController(CaseRecordService records, CaseSeals seals) {
    this.records = records;
    this.seals = seals;
  }

  @GetMapping("/audit/cases/{businessKey}")
  String page(@PathVariable String businessKey, Model model) {
    model.addAttribute("record", records.record(businessKey));
    model.addAttribute("verification", seals.verify(businessKey));
    model.addAttribute("fmt", new PageFormat());
    return "audit/case";
  }

  /** Formatting helpers for the template. */
  static final class PageFormat {

    public String when(java.time.Instant instant) {
      return CaseExports.when(instant);
    }

    public String outcome(String outcome) {
      return CaseExports.outcomeLabel(outcome);
    }
  }
}
