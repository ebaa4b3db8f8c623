package mx.org.iecm.pgd.cycle;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.closingReport;
import static mx.org.iecm.pgd.support.Submissions.progress;
import static mx.org.iecm.pgd.support.Submissions.results;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import mx.org.iecm.pgd.closure.LessonsLearned.Query;
import mx.org.iecm.pgd.support.Actor;
import mx.org.iecm.pgd.support.ProcessTest;
import mx.org.iecm.pgd.web.ApiException;
import mx.org.iecm.pgd.web.NotFoundException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/action-line-lifecycle.bpmn", "bpmn/action-line-planning.bpmn",
    "bpmn/action-line-execution.bpmn", "bpmn/program-change.bpmn", "bpmn/action-line-review.bpmn",
    "bpmn/action-line-closure.bpmn", "bpmn/corrective-action.bpmn"})
class LifecycleProcessTest extends ProcessTest {

  /** Line 4.1 belongs to the Unidad Técnica de Vinculación con Organismos Externos and has no co-responsible area. */
  Actor linkStaff;
  Actor linkHead;

  @BeforeEach
  void peopleOfLineFourPointOne() {
    linkStaff = Actor.of(engine, "utvoe-staff1", "utvoe-staff");
    linkHead = Actor.of(engine, "utvoe-head1", "utvoe-head");
  }

  private ProcessInstance cycle(String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LifecycleProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
  }

  private String phaseOf(String processInstanceId) {
    HistoricVariableInstance phase = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(CycleVariables.PHASE).singleResult();
    return (String) phase.getValue();
  }

  @Test
  void wholeYearRunsFromPlanningToSignedClosure() {
    clockAt(2021, 1, 5);
    CycleStartResult result = beans.cycles.startLine(2021, "4.1");
    String key = "PGD-2020-2023:4.1:2021";
    assertThat(result.started()).containsExactly(key);
    ProcessInstance lifecycle = cycle(key);
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_PLANNING).variables()
        .containsEntry("phase", "planning").containsEntry("responsibleArea", "utvoe").containsEntry("year", 2021);

    linkStaff.completeTaskOf(key, workProgram(2021));
    linkHead.completeTaskOf(key, approve());
    planningOffice.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_EXECUTION).variables().containsEntry("phase", "execution");

    int[][] quarters = {{4, 1, 30}, {7, 1, 50}, {10, 1, 80}, {2022, 1, 100}};
    for (int[] quarter : quarters) {
      if (quarter[0] == 2022) {
        clockAt(2022, 1, 2);
      } else {
        clockAt(2021, quarter[0], quarter[1]);
      }
      fireTimer(key);
      linkStaff.completeTaskOf(key, progress(quarter[2]));
      linkHead.completeTaskOf(key, approve());
    }
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_REVIEW).variables()
        .containsEntry("phase", "review").containsEntry("progressPercent", 100.0);

    linkStaff.completeTaskOf(key, results());
    linkHead.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());
    assertThat(lifecycle).isWaitingAt(LifecycleProcess.CALL_CLOSURE).variables()
        .containsEntry("phase", "closure").containsEntry("ruling", "Conforme");

    linkStaff.completeTaskOf(key, closingReport());
    linkHead.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());

    assertThat(lifecycle).hasPassedInOrder(LifecycleProcess.CALL_PLANNING, LifecycleProcess.CALL_EXECUTION,
        LifecycleProcess.CALL_REVIEW, LifecycleProcess.CALL_CLOSURE, LifecycleProcess.EVENT_CYCLE_CLOSED).isEnded();
    assertThat(phaseOf(lifecycle.getId())).isEqualTo("closed");
    assertThat(beans.programVersions.of(key)).hasSize(1);
    assertThat(beans.lessons.find(new Query("PGD-2020-2023", "4.1", 2021, "utvoe", null), 10)).hasSize(2);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .isZero();
  }

  @Test
  void cancelledCycleEndsEveryPhaseAndKeepsTheReason() {
    beans.cycles.startLine(2021, "4.2");
    String key = "PGD-2020-2023:4.2:2021";
    ProcessInstance lifecycle = cycle(key);

    beans.cycles.cancel(2021, "4.2", "La línea se fusionó con la 4.1 por acuerdo del Consejo.", "manager1");

    assertThat(lifecycle).hasPassed(LifecycleProcess.EVENT_CYCLE_CANCELLED).isEnded();
    assertThat(phaseOf(lifecycle.getId())).isEqualTo("cancelled");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(lifecycle.getId())
        .variableName(CycleVariables.CANCELLATION_REASON).singleResult().getValue())
        .isEqualTo("La línea se fusionó con la 4.1 por acuerdo del Consejo.");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThatThrownBy(() -> beans.cycles.cancel(2021, "4.2", "Otra vez", "manager1"))
        .isInstanceOf(ApiException.class).hasMessage("El ciclo " + key + " ya terminó (cerrado o cancelado).");
  }

  @Test
  void cancellationWithoutReasonIsRefusedAndTheCycleGoesOn() {
    beans.cycles.startLine(2021, "4.3");

    assertThatThrownBy(() -> beans.cycles.cancel(2021, "4.3", "  ", "manager1"))
        .isInstanceOf(ApiException.class)
        .hasMessage("«Justificación» (reason): es obligatoria para cancelar un ciclo.");
    assertThat(cycle("PGD-2020-2023:4.3:2021")).isWaitingAt(LifecycleProcess.CALL_PLANNING);
  }

  @Test
  void startingAYearTwiceStartsEachCycleOnce() {
    CycleStartResult first = beans.cycles.startYear(2022);
    CycleStartResult second = beans.cycles.startYear(2022);

    assertThat(first.started()).hasSize(39).contains("PGD-2020-2023:1.1:2022", "PGD-2020-2023:12.9:2022");
    assertThat(first.existing()).isEmpty();
    assertThat(second.started()).isEmpty();
    assertThat(second.existing()).hasSize(39);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LifecycleProcess.KEY)
        .processInstanceBusinessKeyLike("PGD-2020-2023:%:2022").count()).isEqualTo(39);
  }

  @Test
  void yearOutsideThePlanOrUnknownLineIsRefused() {
    assertThatThrownBy(() -> beans.cycles.startYear(2019))
        .isInstanceOf(ApiException.class)
        .hasMessage("El año 2019 está fuera del periodo de los planes cargados (PGD-2020-2023: 2020–2023).");
    assertThatThrownBy(() -> beans.cycles.startLine(2021, "13.1"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("La línea de acción «13.1» no existe en el plan PGD-2020-2023.");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }
}
