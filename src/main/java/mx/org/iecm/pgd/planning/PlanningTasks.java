package mx.org.iecm.pgd.planning;

import static mx.org.iecm.pgd.planning.PlanningProcess.CO_RESPONSIBLE_RETURNS;

import java.util.List;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTask;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import org.springframework.stereotype.Component;

/**
 * The user tasks of planning: the work program drafted by the area, approved by its head, confirmed by the
 * co-responsible heads, validated as measurable by the planning office and approved by the SGCE.
 */
@Component
public class PlanningTasks implements UserTaskDeclarations {

  private final PlanCatalog catalog;

  public PlanningTasks(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<UserTask> userTasks() {
    return List.of(
        UserTask.preparation(PlanningProcess.TASK_DRAFT_PROGRAM, DeadlineKind.DRAFT,
            problems -> WorkProgram.check(problems, lineAreas(catalog, problems.cycle())))
            .onComplete((execution, submission) -> {
              // A first draft: no approved version yet.
              execution.setVariable(WorkProgram.VARIABLE,
                  WorkProgram.value(WorkProgram.withServerProperties(submission.json(WorkProgram.VARIABLE), null)));
              // A new draft starts a new round of confirmations.
              execution.setVariable(CO_RESPONSIBLE_RETURNS, 0);
            }),
        UserTask.decision(PlanningProcess.TASK_APPROVE_PROGRAM_HEAD, Role.HEAD),
        UserTask.decision(PlanningProcess.TASK_CONFIRM_CO_RESPONSIBILITY, Role.CO_RESPONSIBLE_HEAD)
            .onCreate(task -> nameCoArea(catalog, task))
            .onComplete(PlanningTasks::countReturn),
        UserTask.decision(PlanningProcess.TASK_VALIDATE_PROGRAM_PLANNING, Role.PLANNING_REVIEWER),
        UserTask.decision(PlanningProcess.TASK_REVIEW_PROGRAM_SGCE, Role.REVIEWER));
  }

  /** The areas of the cycle's line (responsible first), which may carry out its activities. */
  public static List<String> lineAreas(PlanCatalog catalog, BusinessKey cycle) {
    return catalog.actionLine(cycle.planCode(), cycle.actionLineId())
        .map(ActionLine::areas).orElse(List.of());
  }

  /** The area a confirmation asks, by its name in the catalog (the routing uses its code). */
  public static void nameCoArea(PlanCatalog catalog, DelegateTask task) {
    String code = (String) task.getVariable(PlanningProcess.CO_AREA);
    task.setVariableLocal(PlanningProcess.CO_AREA_NAME, catalog.area(code).map(Area::name).orElse(code));
  }

  /** A co-responsible area's return, counted for the round; any return sends the draft back. */
  public static void countReturn(DelegateExecution execution, Submission submission) {
    if (CycleVariables.RETURN.equals(submission.text(CycleVariables.DECISION))) {
      Object returns = execution.getVariable(CO_RESPONSIBLE_RETURNS);
      execution.setVariable(CO_RESPONSIBLE_RETURNS, returns instanceof Number n ? n.intValue() + 1 : 1);
    }
  }
}
