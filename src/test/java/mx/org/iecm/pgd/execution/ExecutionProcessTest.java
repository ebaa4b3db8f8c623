package mx.org.iecm.pgd.execution;

import static mx.org.iecm.pgd.execution.ExecutionProcess.EVENT_REPORT_DATE_REACHED;
import static mx.org.iecm.pgd.execution.ExecutionProcess.TASK_ANALYSE_DEVIATION;
import static mx.org.iecm.pgd.execution.ExecutionProcess.TASK_REPORT_PROGRESS;
import static mx.org.iecm.pgd.execution.ExecutionProcess.TASK_VALIDATE_PROGRESS;
import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.decision;
import static mx.org.iecm.pgd.support.Submissions.implementation;
import static mx.org.iecm.pgd.support.Submissions.progress;
import static mx.org.iecm.pgd.support.Submissions.rootCause;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.support.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/action-line-execution.bpmn", "bpmn/program-change.bpmn", "bpmn/corrective-action.bpmn"})
class ExecutionProcessTest extends ProcessTest {

  private ProcessInstance startExecution(int year) {
    Map<String, Object> program = new HashMap<>(workProgram(year));
    program.put("programVersion", 1);
    beans.programVersions.store(new BusinessKey("PGD-2020-2023", "1.1", year), "{}", "Programa de trabajo aprobado",
        "sgce2", Instant.now(), "planning");
    return start(ExecutionProcess.KEY, "1.1", year, program);
  }

  @Test
  void reportingDatesComeFromTheLineFrequencyAndTheYear() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);

    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables().containsEntry("reportDates", List.of(
        // Mexico City still kept daylight saving time in 2021.
        "2021-03-31T09:00:00-06:00", "2021-06-30T09:00:00-05:00", "2021-09-30T09:00:00-05:00",
        "2021-12-31T09:00:00-06:00"));
  }

  @Test
  void progressOnScheduleMovesToTheNextReportingDate() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();

    clockAt(2021, 4, 1);
    fireTimer(key);
    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(engine.getTaskService().getVariable(staff.taskOf(key).getId(), "activityProgress").toString())
        .contains("Diagnóstico de boletas", "Rediseño y prueba con ciudadanía");
    staff.completeTaskOf(key, progress(50));
    assertThat(execution).isWaitingAt(TASK_VALIDATE_PROGRESS);
    head.completeTaskOf(key, approve());

    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables()
        .containsEntry("deviation", false)
        .containsEntry("progressPercent", 50.0)
        .containsEntry("expectedPercent", 22.8);
  }

  @Test
  void deviationLeadsToAnalysisAndACorrectiveActionThenTheNextPeriod() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 4, 1);
    fireTimer(key);
    staff.completeTaskOf(key, progress(30));
    head.completeTaskOf(key, approve());
    clockAt(2021, 7, 1);
    fireTimer(key);

    staff.completeTaskOf(key, progress(10));
    head.completeTaskOf(key, approve());

    assertThat(execution).isWaitingAt(TASK_ANALYSE_DEVIATION).variables()
        .containsEntry("deviation", true).containsEntry("expectedPercent", 50.0);
    sgce.completeTaskOf(key, decision("corrective", "El diagnóstico se atrasó por la licitación."));
    ProcessInstance action = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CorrectiveActionProcess.KEY).processInstanceBusinessKey(key).singleResult();
    assertThat(action).isWaitingAt(CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE).variables()
        .containsEntry("finding", "El diagnóstico se atrasó por la licitación.");
    staff.completeTaskOf(key, rootCause());
    head.completeTaskOf(key, approve());
    staff.completeTaskOf(key, implementation());
    sgce.completeTaskOf(key, approve());

    assertThat(action).isEnded();
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED);

    // The SGCE's decision was not a return: the next period's report shows no «Devuelto» banner.
    clockAt(2021, 10, 1);
    fireTimer(key);
    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(engine.getTaskService().getVariable(task(execution).getId(), "returnComments")).isNull();
    assertThat(engine.getTaskService().getVariable(task(execution).getId(), "returnedBy")).isNull();
  }

  @Test
  void aReportWhoseRowsAreNotTheProgramsActivitiesIsRefusedAndChangesNothing() {
    clockAt(2021, 3, 1);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 4, 1);
    fireTimer(key);
    org.camunda.bpm.engine.task.Task report = task(execution);
    int journalRows = beans.journal.of(key).size();

    Map<String, Object> forged = new HashMap<>(progress(30));
    forged.put("activityProgress", mx.org.iecm.pgd.support.Submissions.json("""
        [{"activity":"Diagnóstico de boletas","percent":90},
         {"activity":"Actividad inventada","percent":100},
         {"activity":"Actividad inventada","percent":100}]"""));
    assertThatThrownBy(() -> staff.complete(report, forged))
        .isInstanceOf(mx.org.iecm.pgd.task.SubmissionRefusedException.class)
        .hasMessageContaining("Avance por actividad: debe traer una fila por cada actividad del programa vigente, con su"
            + " nombre: faltan «Rediseño y prueba con ciudadanía»; no son del programa vigente «Actividad inventada»;"
            + " se repiten «Actividad inventada»");

    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
    assertThat(beans.journal.of(key)).hasSize(journalRows);
    staff.complete(report, progress(30));
    assertThat(execution).isWaitingAt(TASK_VALIDATE_PROGRESS);
  }

  @Test
  void changeAfterDeviationKeepsTheNewVersionBesideTheOld() {
    clockAt(2021, 6, 1);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 7, 1);
    fireTimer(key);
    staff.completeTaskOf(key, progress(0));
    head.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, decision("change", "Las fechas del rediseño ya no son alcanzables."));
    // The SGCE's analysis goes to the person who drafts the change; it is no «Devuelto» banner.
    org.camunda.bpm.engine.task.Task draft = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST).singleResult();
    assertThat(engine.getTaskService().getVariable(draft.getId(), ProgramChangeProcess.SGCE_ANALYSIS))
        .isEqualTo("Las fechas del rediseño ya no son alcanzables.");
    assertThat(engine.getTaskService().getVariable(draft.getId(), "returnComments")).isNull();

    Map<String, Object> change = new HashMap<>(workProgram(2021));
    change.put("changeReason", "Mover el rediseño al segundo semestre por la licitación.");
    staff.completeTaskOf(key, change);
    head.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());

    assertThat(beans.programVersions.of(key)).extracting(v -> v.version(), v -> v.reason())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Programa de trabajo aprobado"),
            org.assertj.core.groups.Tuple.tuple(2, "Mover el rediseño al segundo semestre por la licitación."));
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables().containsEntry("programVersion", 2);
  }

  @Test
  void staffCanRequestAChangeAtAnyTimeWithoutStoppingTheReports() {
    clockAt(2021, 2, 1);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();

    beans.cycles.requestChangeOfExecution(execution.getId());

    Task draft = staff.taskOf(key);
    assertThat(draft.getTaskDefinitionKey()).isEqualTo(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST);
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED);
  }

  @Test
  void overdueReportIsEscalatedToTheHeadAndStaysOpen() {
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("deoeyg-head"));
    engine.getIdentityService().saveUser(user("deoeyg-head1", "titular1@iecm.test"));
    engine.getIdentityService().createMembership("deoeyg-head1", "deoeyg-head");
    try {
      clockAt(2021, 3, 1);
      ProcessInstance execution = startExecution(2021);
      String key = execution.getBusinessKey();
      clockAt(2021, 4, 1);
      fireTimer(key);
      assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);

      clockAt(2021, 4, 12);
      fireTimer(key);

      assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
      String escalations = engine.getRuntimeService().getVariable(execution.getId(), "escalations").toString();
      assertThat(escalations).contains("\"taskKey\":\"Task_ReportProgress\"", "\"notifiedGroup\":\"deoeyg-head\"",
          "titular1@iecm.test");
    } finally {
      engine.getIdentityService().deleteUser("deoeyg-head1");
      engine.getIdentityService().deleteGroup("deoeyg-head");
    }
  }

  private org.camunda.bpm.engine.identity.User user(String id, String email) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
    user.setEmail(email);
    user.setPassword("x");
    return user;
  }
}
