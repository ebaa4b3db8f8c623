package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import static mx.org.iecm.pgd.planning.PlanningProcess.TASK_APPROVE_PROGRAM_HEAD;
import static mx.org.iecm.pgd.planning.PlanningProcess.TASK_CONFIRM_CO_RESPONSIBILITY;
import static mx.org.iecm.pgd.planning.PlanningProcess.TASK_DRAFT_PROGRAM;
import static mx.org.iecm.pgd.planning.PlanningProcess.TASK_REVIEW_PROGRAM_SGCE;
import static mx.org.iecm.pgd.planning.PlanningProcess.TASK_VALIDATE_PROGRAM_PLANNING;
import static mx.org.iecm.pgd.planning.PlanningProcess.TASK_STORE_PROGRAM_VERSION;
import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.returned;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.planning.ProgramVersions.ProgramVersion;
import mx.org.iecm.pgd.support.Actor;
import mx.org.iecm.pgd.support.ProcessTest;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.task.SubmissionRefusedException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/action-line-planning.bpmn")
class PlanningProcessTest extends ProcessTest {

  private ProcessInstance startPlanning(String lineId, int year) {
    return start(PlanningProcess.KEY, lineId, year, Map.of());
  }

  @Test
  void programApprovedFirstTimeBecomesVersionOne() {
    ProcessInstance planning = startPlanning("1.1", 2021);
    String key = planning.getBusinessKey();

    assertThat(planning).isWaitingAt(TASK_DRAFT_PROGRAM);
    assertThat(task(planning)).hasCandidateGroup("deoeyg-staff")
        .hasName("Elaborar programa de trabajo · línea 1.1 · 2021");
    staff.completeTaskOf(key, workProgram(2021));

    assertThat(planning).isWaitingAt(TASK_APPROVE_PROGRAM_HEAD);
    assertThat(task(planning)).hasCandidateGroup("deoeyg-head");
    assertThat(task(planning).getDueDate()).isNotNull();
    head.completeTaskOf(key, approve());

    assertThat(planning).isWaitingAt(TASK_CONFIRM_CO_RESPONSIBILITY);
    assertThat(task(planning)).hasCandidateGroup("utalaod-head");
    coResponsibleHead.completeTaskOf(key, approve());

    assertThat(planning).isWaitingAt(TASK_VALIDATE_PROGRAM_PLANNING);
    assertThat(task(planning)).hasCandidateGroup("dprf-staff")
        .hasName("Validar indicadores y presupuesto · línea 1.1 · 2021");
    planningOffice.completeTaskOf(key, approve());

    assertThat(planning).isWaitingAt(TASK_REVIEW_PROGRAM_SGCE);
    assertThat(task(planning)).hasCandidateGroup("sgce-office")
        .hasName("Revisar programa de trabajo (SGCE) · línea 1.1 · 2021");
    sgce.completeTaskOf(key, approve());

    assertThat(planning).hasPassedInOrder(TASK_DRAFT_PROGRAM, TASK_APPROVE_PROGRAM_HEAD,
        TASK_CONFIRM_CO_RESPONSIBILITY, TASK_VALIDATE_PROGRAM_PLANNING, TASK_REVIEW_PROGRAM_SGCE,
        TASK_STORE_PROGRAM_VERSION).isEnded();
    List<ProgramVersion> versions = beans.programVersions.of(key);
    assertThat(versions).singleElement().satisfies(version -> {
      assertThat(version.version()).isEqualTo(1);
      assertThat(version.approvedBy()).isEqualTo("sgce1");
      assertThat(version.reason()).isEqualTo("Programa de trabajo aprobado");
      assertThat(version.content()).contains("Diagnóstico de boletas", "Votos nulos por error de llenado", "250000");
    });
  }

  @Test
  void returnedProgramGoesBackToStaffWithComments() {
    ProcessInstance planning = startPlanning("1.1", 2022);
    String key = planning.getBusinessKey();
    staff.completeTaskOf(key, workProgram(2022));

    head.completeTaskOf(key, returned("Desglose el presupuesto por actividad."));

    assertThat(planning).isWaitingAt(TASK_DRAFT_PROGRAM);
    // The return belongs to the task sent back: who, from which step, when and why.
    assertThat(engine.getTaskService().getVariablesLocal(task(planning).getId()))
        .containsEntry("returnComments", "Desglose el presupuesto por actividad.")
        .containsEntry("returnedBy", "deoeyg-head1")
        .containsEntry("returnedFrom", "Aprobar programa de trabajo (titular)")
        .hasEntrySatisfying("returnedAt", at -> assertThat((String) at).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
    assertThat(planning.getId()).satisfies(id -> assertThat(engine.getRuntimeService().getVariables(id))
        .doesNotContainKey("returnComments"));
    // Back to the person who prepared it, marked as returned, still in the area's list.
    assertThat(task(planning)).isAssignedTo("deoeyg-staff1");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(planning).getId()))
        .extracting(link -> link.getGroupId()).contains("deoeyg-staff");
    assertThat(task(planning).getName()).isEqualTo("Elaborar programa de trabajo · línea 1.1 · 2022 · Devuelto");
    assertThat(task(planning).getDescription()).startsWith("El área elabora el programa de trabajo del año");
    staff.completeTaskOf(key, workProgram(2022));
    assertThat(task(planning).getName()).isEqualTo("Aprobar programa de trabajo (titular) · línea 1.1 · 2022");
    assertThat(planning).isWaitingAt(TASK_APPROVE_PROGRAM_HEAD).variables()
        .doesNotContainKey("returnComments").doesNotContainKey("decision");
  }

  @Test
  void coResponsibleHeadCanReturnTheProgram() {
    ProcessInstance planning = startPlanning("1.1", 2023);
    String key = planning.getBusinessKey();
    staff.completeTaskOf(key, workProgram(2023));
    head.completeTaskOf(key, approve());
    // The confirmation names the area as the catalog does, not by its code.
    assertThat(engine.getTaskService().getVariableLocal(task(planning).getId(), "coAreaName"))
        .isEqualTo(mx.org.iecm.pgd.support.ProcessBeans.CATALOG.area("utalaod").orElseThrow().name())
        .isNotEqualTo("utalaod");

    coResponsibleHead.completeTaskOf(key, returned("La logística de distribución no está considerada."));

    assertThat(planning).isWaitingAt(TASK_DRAFT_PROGRAM);
    assertThat(engine.getTaskService().getVariablesLocal(task(planning).getId()))
        .containsEntry("returnedBy", "utalaod-head1");
    staff.completeTaskOf(key, workProgram(2023));
    head.completeTaskOf(key, approve());
    coResponsibleHead.completeTaskOf(key, approve());
    assertThat(planning).isWaitingAt(TASK_VALIDATE_PROGRAM_PLANNING);
  }

  @Test
  void aDraftCompletedThroughTheJavaApiWithNobodyAuthenticatedCanStillBeDecidedOn() {
    ProcessInstance planning = startPlanning("1.1", 2020);
    String key = planning.getBusinessKey();
    // A script or an administrator's tool on the engine's Java API: no person is known.
    engine.getTaskService().complete(task(planning).getId(), workProgram(2020));

    head.completeTaskOf(key, approve());

    assertThat(planning).isWaitingAt(TASK_CONFIRM_CO_RESPONSIBILITY);
    assertThat(beans.journal.of(key)).extracting(entry -> entry.taskKey() + " " + entry.actor() + " "
        + entry.preparedBy()).containsExactly("Task_DraftProgram null null", "Task_ApproveProgramHead deoeyg-head1 null");
  }

  @Test
  void planningOfficeReturnsAProgramItCannotMeasure() {
    ProcessInstance planning = startPlanning("1.1", 2020);
    String key = planning.getBusinessKey();
    staff.completeTaskOf(key, workProgram(2020));
    head.completeTaskOf(key, approve());
    coResponsibleHead.completeTaskOf(key, approve());

    planningOffice.completeTaskOf(key, returned("El indicador no tiene metas trimestrales ni medio de verificación."));

    assertThat(planning).isWaitingAt(TASK_DRAFT_PROGRAM);
    assertThat(engine.getTaskService().getVariablesLocal(task(planning).getId()))
        .containsEntry("returnedBy", "dprf-staff1")
        .containsEntry("returnedFrom", "Validar indicadores y presupuesto")
        .containsEntry("returnComments", "El indicador no tiene metas trimestrales ni medio de verificación.");
  }

  @Test
  void theSgceOfficesOwnLineIsRuledByTheInternalControlBody() {
    ProcessInstance planning = startPlanning("11.1", 2021);
    String key = planning.getBusinessKey();
    Actor osgceStaff = Actor.of(engine, "osgce-staff1", "osgce-staff");
    Actor osgceHead = Actor.of(engine, "osgce-head1", "osgce-head");
    osgceStaff.completeTaskOf(key, workProgram(2021));
    osgceHead.completeTaskOf(key, approve());
    assertThat(task(planning)).hasCandidateGroup("dprf-staff");
    planningOffice.completeTaskOf(key, approve());

    assertThat(planning).isWaitingAt(TASK_REVIEW_PROGRAM_SGCE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(planning).getId()))
        .extracting(link -> link.getGroupId()).containsExactly("ci-head");
    Actor.of(engine, "ci-head1", "ci-head").completeTaskOf(key, approve());
    assertThat(planning).isEnded();
  }

  @Test
  void sgceReturnSendsTheDraftBackAndTheLoopRepeats() {
    ProcessInstance planning = startPlanning("4.1", 2021);
    String key = planning.getBusinessKey();
    Actor utvoeStaff = Actor.of(engine, "utvoe-staff1", "utvoe-staff");
    Actor utvoeHead = Actor.of(engine, "utvoe-head1", "utvoe-head");
    utvoeStaff.completeTaskOf(key, workProgram(2021));
    utvoeHead.completeTaskOf(key, approve());

    // Line 4.1 has no co-responsible area: the confirmation is skipped.
    assertThat(planning).isWaitingAt(TASK_VALIDATE_PROGRAM_PLANNING);
    planningOffice.completeTaskOf(key, approve());
    assertThat(planning).isWaitingAt(TASK_REVIEW_PROGRAM_SGCE);
    sgce.completeTaskOf(key, returned("El indicador no mide la consolidación de relaciones."));
    assertThat(planning).isWaitingAt(TASK_DRAFT_PROGRAM);
    utvoeStaff.completeTaskOf(key, workProgram(2021));
    utvoeHead.completeTaskOf(key, approve());
    planningOffice.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());

    assertThat(planning).isEnded();
    assertThat(beans.programVersions.of(key)).hasSize(1);
  }

  @Test
  void invalidDraftIsRefusedWithEveryProblemAndTheTaskStaysAsItWas() {
    ProcessInstance planning = startPlanning("1.1", 2020);
    ObjectNode program = WorkProgram.read(Submissions.workProgramJson(2020));
    program.put("goal", " ");
    program.put("budget", "mucho");
    program.set("activities", WorkProgram.read("{\"rows\":"
        + "[{\"name\":\"Diagnóstico\",\"start\":\"2020-06-30\",\"end\":\"2020-01-15\",\"deliverable\":\"Informe\"},"
        + "{\"name\":\"Prueba\",\"start\":\"2021-01-10\",\"end\":\"2021-02-10\",\"deliverable\":\"Boleta\"}]}")
        .get("rows"));
    Map<String, Object> draft = Submissions.workProgramDocument(program.toString());

    assertThatThrownBy(() -> staff.completeTaskOf(planning.getBusinessKey(), draft))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageStartingWith("No se pudo completar «Elaborar programa de trabajo»: ")
        .hasMessageContaining("Objetivo específico: es obligatorio")
        .hasMessageContaining("Actividad 1 – Fin: es anterior a «Inicio»")
        .hasMessageContaining("Actividad 2 – Inicio: debe caer dentro del año 2020")
        .hasMessageContaining("Presupuesto anual (MXN): debe ser un número; se recibió «mucho»");

    assertThat(planning).isWaitingAt(TASK_DRAFT_PROGRAM).variables()
        .doesNotContainKeys(WorkProgram.VARIABLE, "preparedBy");
  }

  @Test
  void returnWithoutCommentsIsRefused() {
    ProcessInstance planning = startPlanning("1.2", 2021);
    staff.completeTaskOf(planning.getBusinessKey(), workProgram(2021));

    assertThatThrownBy(() -> head.completeTaskOf(planning.getBusinessKey(), returned(null)))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("Comentarios: son obligatorios cuando la decisión es «Devolver con comentarios»");
    assertThatThrownBy(() -> head.completeTaskOf(planning.getBusinessKey(), Map.of()))
        .hasMessageContaining("Decisión: es obligatoria");
    assertThat(planning).isWaitingAt(TASK_APPROVE_PROGRAM_HEAD);
  }

  @Test
  void whoDraftedTheProgramCannotApproveIt() {
    ProcessInstance planning = startPlanning("1.3", 2021);
    String key = planning.getBusinessKey();
    // A person in both groups of the Secretaría Ejecutiva drafts and then tries to approve.
    Actor both = Actor.of(engine, "se-head2", "se-staff", "se-head");
    both.complete(task(planning), workProgram(2021));

    assertThatThrownBy(() -> both.complete(task(planning), approve()))
        .isInstanceOf(SubmissionRefusedException.class)
        .hasMessageContaining("se-head2 preparó este trabajo y no puede aprobarlo");
    assertThat(planning).isWaitingAt(TASK_APPROVE_PROGRAM_HEAD);

    Actor.of(engine, "se-head1", "se-head").completeTaskOf(key, approve());
    assertThat(planning).isWaitingAt(TASK_CONFIRM_CO_RESPONSIBILITY);
  }
}
