package mx.org.iecm.pgd.review;

import static mx.org.iecm.pgd.review.ReviewProcess.TASK_APPROVE_RESULTS_HEAD;
import static mx.org.iecm.pgd.review.ReviewProcess.TASK_REPORT_RESULTS;
import static mx.org.iecm.pgd.review.ReviewProcess.TASK_RULE_RESULTS;
import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.decision;
import static mx.org.iecm.pgd.support.Submissions.implementation;
import static mx.org.iecm.pgd.support.Submissions.results;
import static mx.org.iecm.pgd.support.Submissions.returned;
import static mx.org.iecm.pgd.support.Submissions.rootCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.support.ProcessTest;
import mx.org.iecm.pgd.task.SubmissionRefusedException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/action-line-review.bpmn", "bpmn/corrective-action.bpmn"})
class ReviewProcessTest extends ProcessTest {

  private ProcessInstance startReview() {
    return start(ReviewProcess.KEY, "1.1", 2021,
        Map.of(WorkProgram.VARIABLE, Submissions.json(Submissions.workProgramJson(2021))));
  }

  @Test
  void conformingResultsEndTheReviewWithTheRuling() {
    ProcessInstance review = startReview();
    String key = review.getBusinessKey();

    assertThat(engine.getTaskService().getVariable(staff.taskOf(key).getId(), "indicatorResults").toString())
        .contains("Votos nulos por error de llenado", "3.6");
    staff.completeTaskOf(key, results());
    head.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, decision("observations", "Documentar la metodología de medición."));

    assertThat(review).hasPassedInOrder(TASK_REPORT_RESULTS, TASK_APPROVE_RESULTS_HEAD, TASK_RULE_RESULTS).isEnded()
        .variables().containsEntry("ruling", "Conforme con observaciones: Documentar la metodología de medición.");
  }

  @Test
  void nonconformingOpensACorrectiveActionAndTheRulingIsTakenAgain() {
    ProcessInstance review = startReview();
    String key = review.getBusinessKey();
    staff.completeTaskOf(key, results());
    head.completeTaskOf(key, approve());

    sgce.completeTaskOf(key, decision("nonconforming", "La evidencia no sustenta el valor informado."));

    ProcessInstance action = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CorrectiveActionProcess.KEY).processInstanceBusinessKey(key).singleResult();
    assertThat(action).isWaitingAt(CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE);
    staff.completeTaskOf(key, rootCause());
    head.completeTaskOf(key, approve());
    staff.completeTaskOf(key, implementation());
    sgce.completeTaskOf(key, approve());

    assertThat(review).isWaitingAt(TASK_RULE_RESULTS);
    sgce.completeTaskOf(key, approve());
    assertThat(review).isEnded().variables().containsEntry("ruling", "Conforme");
  }

  @Test
  void returnedResultsGoBackToStaff() {
    ProcessInstance review = startReview();
    String key = review.getBusinessKey();
    staff.completeTaskOf(key, results());
    head.completeTaskOf(key, approve());

    sgce.completeTaskOf(key, returned("Falta la liga a la evidencia del indicador."));

    assertThat(review).isWaitingAt(TASK_REPORT_RESULTS);
    assertThat(engine.getTaskService().getVariablesLocal(task(review).getId()))
        .containsEntry("returnComments", "Falta la liga a la evidencia del indicador.");
  }

  @Test
  void resultValueThatIsNotANumberIsRefused() {
    ProcessInstance review = startReview();
    Map<String, Object> results = Map.of(
        "indicatorResults", mx.org.iecm.pgd.support.Submissions.json(
            "[{\"indicator\":\"Votos nulos por error de llenado\",\"target\":3.6,\"value\":\"bajo\"}]"),
        "resultsSummary", "Bien.",
        "evidenceLinks", "ftp://servidor/evidencia");

    assertThatThrownBy(() -> staff.completeTaskOf(review.getBusinessKey(), results))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Indicador 1 – Valor final: debe ser un número; se recibió «bajo»")
        .hasMessageContaining("Enlaces a evidencias: el renglón 1 no es una liga http(s) válida");
    assertThat(review).isWaitingAt(TASK_REPORT_RESULTS);
  }

  @Test
  void resultsMeasureEveryIndicatorOfTheProgramAtItsTarget() {
    ProcessInstance review = startReview();
    Map<String, Object> results = new java.util.HashMap<>(results());
    results.put("indicatorResults", Submissions.json(
        "[{\"indicator\":\"Votos nulos por error de llenado\",\"target\":2,\"value\":3.4},"
            + "{\"indicator\":\"Indicador inventado\",\"target\":1,\"value\":1}]"));

    assertThatThrownBy(() -> staff.completeTaskOf(review.getBusinessKey(), results))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Resultados por indicador: debe traer una fila por cada indicador del programa vigente,"
            + " con su nombre: no son del programa vigente «Indicador inventado»")
        .hasMessageContaining("Indicador 1 – Meta: la meta de «Votos nulos por error de llenado» en el programa"
            + " vigente es 3.6; se recibió «2»");
    assertThat(review).isWaitingAt(TASK_REPORT_RESULTS);
    assertThat(beans.journal.of(review.getBusinessKey())).isEmpty();
  }
}
