package mx.org.iecm.pgd.closure;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.closingReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import mx.org.iecm.pgd.closure.LessonsLearned.Lesson;
import mx.org.iecm.pgd.closure.LessonsLearned.Query;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.support.ProcessTest;
import mx.org.iecm.pgd.task.SubmissionRefusedException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/action-line-closure.bpmn", "bpmn/corrective-action.bpmn"})
class ClosureProcessTest extends ProcessTest {

  @Test
  void signedClosureStoresTheLessonsLearnedAsSearchableRows() {
    ProcessInstance closure = start(ClosureProcess.KEY, "1.1", 2021, Map.of("ruling", "Conforme"));
    String key = closure.getBusinessKey();

    staff.completeTaskOf(key, closingReport());
    head.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());

    assertThat(closure).hasPassed(ClosureProcess.TASK_STORE_LESSONS).isEnded();
    assertThat(beans.lessons.find(new Query("PGD-2020-2023", "1.1", 2021, null, null), 10))
        .extracting(Lesson::category, Lesson::areaCode, Lesson::recordedBy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("planeacion", "deoeyg", "deoeyg-staff1"),
            org.assertj.core.groups.Tuple.tuple("coordinacion", "deoeyg", "deoeyg-staff1"));
    assertThat(beans.lessons.find(new Query(null, null, null, "deoeyg", "LOGÍSTICA"), 10))
        .singleElement().extracting(Lesson::lesson).asString().contains("coordinación temprana con logística");
    assertThat(beans.lessons.find(new Query(null, null, 2022, null, null), 10)).isEmpty();
  }

  @Test
  void sgceCannotSignWhileACorrectiveActionOfTheCycleIsOpen() {
    ProcessInstance closure = start(ClosureProcess.KEY, "1.1", 2021, Map.of("ruling", "Conforme"));
    start(CorrectiveActionProcess.KEY, "1.1", 2021, Map.of("finding", "Hallazgo de auditoría interna."));
    staff.completeTaskIn(closure.getId(), closingReport());
    head.completeTaskIn(closure.getId(), approve());

    var signTask = engine.getTaskService().createTaskQuery().processInstanceId(closure.getId()).singleResult();
    assertThatThrownBy(() -> sgce.complete(signTask, approve()))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("no se puede firmar el cierre con 1 acción correctiva abierta en el ciclo");
    assertThat(closure).isWaitingAt(ClosureProcess.TASK_SIGN_CLOSURE);
  }
}
