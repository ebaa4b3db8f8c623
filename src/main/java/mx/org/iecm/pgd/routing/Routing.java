package mx.org.iecm.pgd.routing;

import java.util.List;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Candidate groups of the user tasks, from the task's declared role and the line in the catalog; every
 * diagram calls it the same way ({@code camunda:candidateGroups="${routing.candidates(execution)}"}), so
 * no group and no role is written in a diagram. The line comes from the business key, never from a
 * variable, so no completion can send a task to another area.
 */
@Component("routing")
public class Routing {

  private final PlanCatalog catalog;
  private final UserTasks tasks;

  public Routing(PlanCatalog catalog, UserTasks tasks) {
    this.catalog = catalog;
    this.tasks = tasks;
  }

  /** The candidate groups of the user task the execution is at, as Camunda expects them: comma-separated. */
  public String candidates(DelegateExecution execution) {
    Role role = tasks.at(execution).role();
    Object coArea = role == Role.CO_RESPONSIBLE_HEAD ? execution.getVariable(PlanningProcess.CO_AREA) : null;
    return String.join(",", groups(role, BusinessKey.parse(execution.getProcessBusinessKey()),
        coArea == null ? null : coArea.toString()));
  }

  /**
   * The groups of a task done in {@code role} in the cycle: the responsible area's staff or head, the
   * head of {@code coArea} (which must be one of the line's co-responsible areas), the line's reviewers or
   * its planning reviewers.
   */
  public List<String> groups(Role role, BusinessKey cycle, String coArea) {
    ActionLine line = line(cycle);
    return switch (role) {
      case STAFF -> List.of(Groups.staff(line.responsibleArea()));
      case HEAD -> List.of(Groups.head(line.responsibleArea()));
      case CO_RESPONSIBLE_HEAD -> {
        if (!line.coResponsibleAreas().contains(coArea)) {
          throw new IllegalStateException("Area " + coArea + " is not co-responsible for line " + line.id()
              + " (cycle " + cycle + ")");
        }
        yield List.of(Groups.head(coArea));
      }
      case REVIEWER -> line.reviewers();
      case PLANNING_REVIEWER -> line.planningReviewers();
    };
  }

  /** The areas that confirm their part of the work program, one confirmation task each. */
  public List<String> coResponsibleAreas(DelegateExecution execution) {
    return line(BusinessKey.parse(execution.getProcessBusinessKey())).coResponsibleAreas();
  }

  private ActionLine line(BusinessKey cycle) {
    Plan plan = catalog.plan(cycle.planCode())
        .orElseThrow(() -> new IllegalStateException("Unknown plan " + cycle.planCode()));
    return plan.actionLine(cycle.actionLineId())
        .orElseThrow(() -> new IllegalStateException("Unknown action line " + cycle.actionLineId() + " in "
            + cycle.planCode()));
  }
}
