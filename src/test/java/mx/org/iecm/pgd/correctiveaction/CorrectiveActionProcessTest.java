package mx.org.iecm.pgd.correctiveaction;

import static mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE;
import static mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess.TASK_APPROVE_ACTION_PLAN;
import static mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess.TASK_IMPLEMENT_ACTIONS;
import static mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess.TASK_VERIFY_EFFECTIVENESS;
import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.implementation;
import static mx.org.iecm.pgd.support.Submissions.returned;
import static mx.org.iecm.pgd.support.Submissions.rootCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import mx.org.iecm.pgd.support.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/corrective-action.bpmn")
class CorrectiveActionProcessTest extends ProcessTest {

  @Test
  void ineffectiveActionGoesBackToRootCauseAnalysisUntilEffective() {
    ProcessInstance action = start(CorrectiveActionProcess.KEY, "1.1", 2021,
        Map.of("finding", "Se incumplió la fecha de entrega del diagnóstico."));
    String key = action.getBusinessKey();

    assertThat(task(action)).hasCandidateGroup("deoeyg-staff");
    staff.completeTaskOf(key, rootCause());
    assertThat(action).isWaitingAt(TASK_APPROVE_ACTION_PLAN);
    head.completeTaskOf(key, approve());
    assertThat(action).isWaitingAt(TASK_IMPLEMENT_ACTIONS);
    staff.completeTaskOf(key, implementation());
    assertThat(task(action)).hasCandidateGroup("sgce-office");
    sgce.completeTaskOf(key, returned("La causa se repitió en el trimestre siguiente."));

    assertThat(action).isWaitingAt(TASK_ANALYSE_ROOT_CAUSE);
    assertThat(engine.getTaskService().getVariablesLocal(task(action).getId()))
        .containsEntry("returnComments", "La causa se repitió en el trimestre siguiente.");
    staff.completeTaskOf(key, rootCause());
    head.completeTaskOf(key, approve());
    staff.completeTaskOf(key, implementation());
    sgce.completeTaskOf(key, approve());

    assertThat(action).hasPassed(TASK_VERIFY_EFFECTIVENESS).isEnded();
  }
}
