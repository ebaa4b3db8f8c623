package mx.org.iecm.pgd.execution;

import java.util.List;
import mx.org.iecm.pgd.planning.WorkProgramRules;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTask;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import org.springframework.stereotype.Component;

/**
 * The user tasks of execution: progress reports validated by the head, the SGCE's analysis of a
 * deviation, and changes of the approved program.
 */
@Component
public class ExecutionTasks implements UserTaskDeclarations {

  static final int TEXT_MAX = 2000;

  @Override
  public List<UserTask> userTasks() {
    return List.of(
        UserTask.preparation(ExecutionProcess.TASK_REPORT_PROGRESS, DeadlineKind.REPORT, ProgressReport::check)
            .onCreate(ProgressReport::prefill)
            .onComplete(ProgressReport::record),
        UserTask.decision(ExecutionProcess.TASK_VALIDATE_PROGRESS, Role.HEAD),
        UserTask.decision(ExecutionProcess.TASK_ANALYSE_DEVIATION, Role.REVIEWER),
        UserTask.preparation(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, DeadlineKind.DRAFT, problems -> {
          problems.requiredText(ProgramChangeProcess.CHANGE_REASON, "Justificación de la modificación", TEXT_MAX);
          WorkProgramRules.check(problems);
        }),
        UserTask.decision(ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD, Role.HEAD),
        UserTask.decision(ProgramChangeProcess.TASK_APPROVE_CHANGE_SGCE, Role.REVIEWER));
  }
}
