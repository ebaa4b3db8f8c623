package mx.org.iecm.pgd.closure;

import java.util.List;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.Problems;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTask;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The user tasks of closure: closing report and lessons, approved by the head and signed by the SGCE. */
@Component
public class ClosureTasks implements UserTaskDeclarations {

  static final int CLOSING_REPORT_MAX = 8000;
  static final int LESSON_MAX = 2000;
  static final List<String> LESSON_CATEGORIES = List.copyOf(LessonsLearned.CATEGORIES.keySet());

  private final RuntimeService runtimeService;

  public ClosureTasks(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public List<UserTask> userTasks() {
    return List.of(
        UserTask.preparation(ClosureProcess.TASK_WRITE_CLOSING_REPORT, DeadlineKind.DRAFT, problems -> {
          problems.requiredText(ClosureProcess.CLOSING_REPORT, "Informe de cierre", CLOSING_REPORT_MAX);
          problems.rows(ClosureProcess.LESSONS, "Lecciones aprendidas", "Lección", 1, row -> {
            row.text("lesson", "Lección aprendida", LESSON_MAX);
            row.oneOf("category", "Categoría", LESSON_CATEGORIES);
          });
        }),
        UserTask.decision(ClosureProcess.TASK_APPROVE_CLOSURE_HEAD, Role.HEAD),
        UserTask.decision(ClosureProcess.TASK_SIGN_CLOSURE, Role.REVIEWER).alsoChecking(this::noOpenCorrectiveAction));
  }

  /** The SGCE signs the closure only when no corrective action of the cycle is still open. */
  private void noOpenCorrectiveAction(Problems problems) {
    if (!CycleVariables.APPROVE.equals(problems.value(CycleVariables.DECISION))) {
      return;
    }
    long open = runtimeService.createProcessInstanceQuery().processDefinitionKey(CorrectiveActionProcess.KEY)
        .processInstanceBusinessKey(problems.cycle().toString()).count();
    if (open > 0) {
      problems.add(CycleVariables.DECISION, "Decisión", "no se puede firmar el cierre con " + open
          + (open == 1 ? " acción correctiva abierta" : " acciones correctivas abiertas") + " en el ciclo");
    }
  }
}
