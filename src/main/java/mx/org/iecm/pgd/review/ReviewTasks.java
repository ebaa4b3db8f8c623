package mx.org.iecm.pgd.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.planning.ProgramIndicators;
import mx.org.iecm.pgd.planning.ProgramRows;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTask;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The user tasks of review: final results, approved by the head and ruled by the SGCE. */
@Component
public class ReviewTasks implements UserTaskDeclarations {

  static final int LONG_TEXT_MAX = 4000;

  @Override
  public List<UserTask> userTasks() {
    return List.of(
        UserTask.preparation(ReviewProcess.TASK_REPORT_RESULTS, DeadlineKind.REPORT, problems -> {
          problems.rows(ReviewProcess.INDICATOR_RESULTS, "Resultados por indicador", "Indicador", 1, row -> {
            row.text("indicator", "Indicador", 200);
            row.number("value", "Valor final", true, null, null);
          });
          problems.requiredText(ReviewProcess.RESULTS_SUMMARY, "Resumen de resultados", LONG_TEXT_MAX);
          problems.links(ExecutionProcess.EVIDENCE_LINKS, "Enlaces a evidencias");
          // The year's results: one row per indicator of the program in force, with its target.
          List<JsonNode> indicators = WorkProgram.rows(WorkProgram.of(problems), WorkProgram.INDICATORS);
          ProgramRows.same(problems, ReviewProcess.INDICATOR_RESULTS, "Resultados por indicador", "indicator",
              "indicador", indicators);
          ProgramRows.sameValues(problems, ReviewProcess.INDICATOR_RESULTS, "indicator", "target", "Indicador", "Meta",
              "la meta de", ProgramIndicators.annualTargets(indicators));
        }).onCreate(task -> {
          if (task.getVariableLocal(CycleVariables.RETURN_COMMENTS) == null) {
            task.setVariable(ReviewProcess.INDICATOR_RESULTS,
                SpinValues.jsonValue(ProgramIndicators.toReport(task).toString()).create());
          }
        }).requiringEvidence(),
        UserTask.decision(ReviewProcess.TASK_APPROVE_RESULTS_HEAD, Role.HEAD),
        UserTask.decision(ReviewProcess.TASK_RULE_RESULTS, Role.REVIEWER)
            .onComplete((execution, submission) -> {
              String decision = submission.text(CycleVariables.DECISION);
              if (CycleVariables.APPROVE.equals(decision) || ReviewProcess.OBSERVATIONS.equals(decision)) {
                String comments = submission.text(CycleVariables.COMMENTS);
                String ruling = CycleVariables.APPROVE.equals(decision) ? "Conforme" : "Conforme con observaciones";
                execution.setVariable(CycleVariables.RULING,
                    comments == null || comments.isBlank() ? ruling : ruling + ": " + comments);
              }
            }));
  }
}
