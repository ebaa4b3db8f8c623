package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.planning.PlanningTasks;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTask;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The user tasks of execution: progress reports validated by the head, the SGCE's analysis of a
 * deviation, and changes of the approved program (confirmed by the co-responsible areas whose
 * activities they touch).
 */
@Component
public class ExecutionTasks implements UserTaskDeclarations {

  static final int TEXT_MAX = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProgramVersions versions;
  private final PlanCatalog catalog;

  public ExecutionTasks(ProgramVersions versions, PlanCatalog catalog) {
    this.versions = versions;
    this.catalog = catalog;
  }

  @Override
  public List<UserTask> userTasks() {
    return List.of(
        UserTask.preparation(ExecutionProcess.TASK_REPORT_PROGRESS, DeadlineKind.REPORT, ProgressReport::check)
            .onCreate(ProgressReport::prefill)
            .onComplete(ProgressReport::record),
        UserTask.decision(ExecutionProcess.TASK_VALIDATE_PROGRESS, Role.HEAD),
        UserTask.decision(ExecutionProcess.TASK_ANALYSE_DEVIATION, Role.PLANNING_REVIEWER),
        UserTask.preparation(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, DeadlineKind.DRAFT, problems -> {
          problems.requiredText(ProgramChangeProcess.CHANGE_REASON, "Justificación de la modificación", TEXT_MAX);
          WorkProgram.check(problems, PlanningTasks.lineAreas(catalog, problems.cycle()));
        }).onComplete((execution, submission) -> {
          // A new request starts a new round of confirmations.
          execution.setVariable(PlanningProcess.CO_RESPONSIBLE_RETURNS, 0);
          // The draft revises the version in force, whatever number the form sent.
          Integer inForce = versions.latest(execution.getProcessBusinessKey())
              .map(ProgramVersions.ProgramVersion::version).orElse(null);
          execution.setVariable(WorkProgram.VARIABLE,
              WorkProgram.value(WorkProgram.withServerProperties(submission.json(WorkProgram.VARIABLE), inForce)));
        }),
        UserTask.decision(ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD, Role.HEAD).onCreate(this::showChanges),
        UserTask.decision(ProgramChangeProcess.TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY, Role.CO_RESPONSIBLE_HEAD)
            .onCreate(task -> {
              showChanges(task);
              PlanningTasks.nameCoArea(catalog, task);
            })
            .onComplete(PlanningTasks::countReturn),
        UserTask.decision(ProgramChangeProcess.TASK_APPROVE_CHANGE_SGCE, Role.REVIEWER).onCreate(this::showChanges));
  }

  /** What the proposal changes from the version in force, field by field, for the approver's form. */
  private void showChanges(DelegateTask task) {
    List<WorkProgram.Change> changes = WorkProgram.changes(
        versions.inForce(task.getExecution().getProcessBusinessKey()), WorkProgram.of(task));
    task.setVariableLocal(ProgramChangeProcess.PROGRAM_CHANGES,
        SpinValues.jsonValue(JSON.valueToTree(changes).toString()).create());
  }
}
