package mx.org.iecm.pgd.correctiveaction;

import java.util.List;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTask;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import org.springframework.stereotype.Component;

/**
 * The user tasks of a corrective action: root cause and action plan, approved by the head, implemented
 * and verified by the SGCE.
 */
@Component
public class CorrectiveActionTasks implements UserTaskDeclarations {

  static final int LONG_TEXT_MAX = 4000;

  @Override
  public List<UserTask> userTasks() {
    return List.of(
        UserTask.preparation(CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE, DeadlineKind.DRAFT, problems -> {
          problems.requiredText(CorrectiveActionProcess.ROOT_CAUSE, "Causa raíz", LONG_TEXT_MAX);
          problems.rows(CorrectiveActionProcess.ACTION_PLAN, "Plan de acción", "Acción", 1, row -> {
            row.text("action", "Acción", 500);
            row.text("responsible", "Responsable", 200);
            row.date("dueDate", "Fecha compromiso", null);
          });
        }),
        UserTask.decision(CorrectiveActionProcess.TASK_APPROVE_ACTION_PLAN, Role.HEAD),
        UserTask.preparation(CorrectiveActionProcess.TASK_IMPLEMENT_ACTIONS, DeadlineKind.IMPLEMENTATION, problems -> {
          problems.requiredText(CorrectiveActionProcess.IMPLEMENTATION_REPORT, "Informe de implementación",
              LONG_TEXT_MAX);
          problems.links(ExecutionProcess.EVIDENCE_LINKS, "Enlaces a evidencias");
        }).requiringEvidence(),
        UserTask.decision(CorrectiveActionProcess.TASK_VERIFY_EFFECTIVENESS, Role.REVIEWER));
  }
}
