package mx.org.iecm.pgd.routing;

import java.util.List;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import org.springframework.stereotype.Component;

/**
 * Candidate groups of the user tasks, computed from the catalog; the BPMN files call it by
 * expression ({@code ${routing.staff(responsibleArea)}}), so no group is written in a diagram.
 */
@Component("routing")
public class Routing {

  private final PlanCatalog catalog;

  public Routing(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  /** The staff (enlaces) of an area: they draft and report. */
  public String staff(String areaCode) {
    return Groups.staff(areaCode);
  }

  /** The head (titular) of an area: approves for the area. */
  public String head(String areaCode) {
    return Groups.head(areaCode);
  }

  /** The line's reviewers as Camunda expects candidate groups: comma-separated. */
  public String reviewers(String planCode, String actionLineId) {
    return String.join(",", line(planCode, actionLineId).reviewers());
  }

  /** The areas that confirm their part of the work program. */
  public List<String> coResponsibleAreas(String planCode, String actionLineId) {
    return line(planCode, actionLineId).coResponsibleAreas();
  }

  private ActionLine line(String planCode, String actionLineId) {
    Plan plan = catalog.plan(planCode)
        .orElseThrow(() -> new IllegalStateException("Unknown plan " + planCode));
    return plan.actionLine(actionLineId)
        .orElseThrow(() -> new IllegalStateException("Unknown action line " + actionLineId + " in " + planCode));
  }
}
