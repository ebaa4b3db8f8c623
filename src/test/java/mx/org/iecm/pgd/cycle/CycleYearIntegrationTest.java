package mx.org.iecm.pgd.cycle;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.closingReport;
import static mx.org.iecm.pgd.support.Submissions.progress;
import static mx.org.iecm.pgd.support.Submissions.results;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.support.EngineRest;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.support.MailServer;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A whole year of one action line through the REST API, as the demo users of each group, on PostgreSQL.
 */
@PgdIntegrationTest
@OwnsCycles({"1.1:2021", "1.2:2022", "2.1:2023"})
class CycleYearIntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ProgramVersions programVersions;
  @Autowired
  IdentityService identityService;

  private void runDueTimers(String businessKey) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
          .duedateLowerThan(ClockUtil.getCurrentTime()).list()) {
        managementService.executeJob(job.getId());
      }
    }
  }

  @Test
  void lineOnePointOneRunsAYearFromStartToSignedClosure() {
    EngineRest engine = new EngineRest(rest);
    ResponseEntity<JsonNode> started = rest.withBasicAuth("manager1", "demo")
        .postForEntity("/api/cycles/2021/1.1", null, JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String key = started.getBody().at("/started/0").asText();
    assertThat(key).isEqualTo("PGD-2020-2023:1.1:2021");
    assertThat(rest.withBasicAuth("manager1", "demo").postForEntity("/api/cycles/2021/1.1", null, JsonNode.class)
        .getBody().at("/existing/0").asText()).isEqualTo(key);

    // Planning, with a refused draft and a refused self-approval on the way: a person who belongs to
    // both groups of the area drafts, then tries to approve.
    if (identityService.createUserQuery().userId("deoeyg-both").count() == 0) {
      User both = identityService.newUser("deoeyg-both");
      both.setPassword("demo");
      identityService.saveUser(both);
      identityService.createMembership("deoeyg-both", "deoeyg-staff");
      identityService.createMembership("deoeyg-both", "deoeyg-head");
    }
    JsonNode draft = engine.task("deoeyg-both", key, "deoeyg-staff");
    Map<String, Object> invalid = Submissions.workProgramDocument(
        Submissions.workProgramJson(2021).replace("\"budget\":250000", "\"budget\":-5"));
    ResponseEntity<JsonNode> refused = engine.submit("deoeyg-both", draft.get("id").asText(), invalid);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText())
        .isEqualTo("No se pudo completar «Elaborar programa de trabajo»: Presupuesto anual (MXN): no puede ser"
            + " menor que 0.");
    assertThat(refused.getBody().get("problems")).singleElement().satisfies(problem -> {
      assertThat(problem.get("field").asText()).isEqualTo("budget");
      assertThat(problem.get("label").asText()).isEqualTo("Presupuesto anual (MXN)");
      assertThat(problem.get("message").asText()).isEqualTo("no puede ser menor que 0");
    });
    engine.complete("deoeyg-both", key, "deoeyg-staff", workProgram(2021));
    JsonNode approval = engine.task("deoeyg-both", key, "deoeyg-head");
    ResponseEntity<JsonNode> selfApproval = engine.submit("deoeyg-both", approval.get("id").asText(), approve());
    assertThat(selfApproval.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(selfApproval.getBody().get("message").asText()).contains("deoeyg-both preparó este trabajo");
    engine.complete("deoeyg-head1", key, "deoeyg-head", approve());
    engine.complete("utalaod-head1", key, "utalaod-head", approve());
    engine.complete("dprf-staff1", key, "dprf-staff", approve());
    engine.complete("sgce1", key, "sgce-office", approve());

    // Execution: the 2021 reporting dates are past, so each report is due as soon as the previous one is done.
    for (int percent : new int[] {30, 50, 80, 100}) {
      runDueTimers(key);
      engine.complete("deoeyg-staff2", key, "deoeyg-staff", progress(percent));
      engine.complete("deoeyg-head2", key, "deoeyg-head", approve());
    }

    // Review and closure.
    engine.complete("deoeyg-staff1", key, "deoeyg-staff", results());
    engine.complete("deoeyg-head1", key, "deoeyg-head", approve());
    engine.complete("sgce2", key, "sgce-office", approve());
    engine.complete("deoeyg-staff1", key, "deoeyg-staff", closingReport());
    engine.complete("deoeyg-head1", key, "deoeyg-head", approve());
    engine.complete("sgce1", key, "sgce-office", approve());

    HistoricProcessInstance cycle = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY).processInstanceBusinessKey(key).singleResult();
    assertThat(cycle.getEndTime()).isNotNull();
    assertThat(cycle.getEndActivityId()).isEqualTo(LifecycleProcess.EVENT_CYCLE_CLOSED);
    assertThat(cycle.getStartUserId()).isEqualTo("manager1");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName("phase").singleResult().getValue()).isEqualTo("closed");
    assertThat(programVersions.of(key)).singleElement().satisfies(version -> {
      assertThat(version.version()).isEqualTo(1);
      assertThat(version.approvedBy()).isEqualTo("sgce1");
    });
    JsonNode lessons = rest.withBasicAuth("auditor1", "demo")
        .getForObject("/api/lessons?line=1.1&year=2021&area=deoeyg", JsonNode.class);
    assertThat(EngineRest.texts(lessons, "category")).containsExactlyInAnyOrder("planeacion", "coordinacion");
    assertThat(EngineRest.texts(lessons, "recordedBy")).containsOnly("deoeyg-staff1");
  }

  @Test
  void overdueDraftIsMailedToTheAreaHeadsAndRecordedWhileTheTaskStaysOpen() throws Exception {
    EngineRest engine = new EngineRest(rest);
    rest.withBasicAuth("manager2", "demo").postForEntity("/api/cycles/2022/1.2", null, JsonNode.class);
    String key = "PGD-2020-2023:1.2:2022";
    JsonNode draft = engine.task("deoeyg-staff1", key, "deoeyg-staff");
    int mailsBefore = MailServer.get().getReceivedMessages().length;

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(11, ChronoUnit.DAYS)));
    try {
      runDueTimers(key);
    } finally {
      ClockUtil.reset();
    }

    assertThat(engine.task("deoeyg-staff1", key, "deoeyg-staff").get("id").asText())
        .isEqualTo(draft.get("id").asText());
    MimeMessage[] mails = MailServer.get().getReceivedMessages();
    List<MimeMessage> sent = List.of(mails).subList(mailsBefore, mails.length);
    // One mail to both heads of the area (the server keeps a copy per recipient).
    assertThat(sent).hasSize(2).extracting(MimeMessage::getMessageID).containsOnly(sent.get(0).getMessageID());
    MimeMessage mail = sent.get(0);
    assertThat(mail.getSubject()).isEqualTo("Tarea vencida: «Elaborar programa de trabajo» — línea 1.2 (2022)");
    assertThat(List.of(mail.getAllRecipients()).stream().map(Object::toString))
        .containsExactlyInAnyOrder("deoeyg-head1@demo.invalid", "deoeyg-head2@demo.invalid");
    assertThat(((String) mail.getContent()).strip()).contains("venció el", "Dirección Ejecutiva de Organización Electoral");
    ProcessInstance planning = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(mx.org.iecm.pgd.planning.PlanningProcess.KEY).processInstanceBusinessKey(key)
        .singleResult();
    assertThat(runtimeService.getVariable(planning.getId(), "escalations").toString())
        .contains("\"taskKey\":\"Task_DraftProgram\"", "\"notifiedGroup\":\"deoeyg-head\"", "\"mailed\":true");
  }

  @Test
  void onlyManagersAndAdministratorsStartOrCancelCycles() {
    assertThat(rest.withBasicAuth("deoeyg-staff1", "demo").postForEntity("/api/cycles/2021", null, JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("auditor1", "demo")
        .postForEntity("/api/cycles/2021/1.1/cancel", Map.of("reason", "x"), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/cycles/2021", null, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> outside = rest.withBasicAuth("manager1", "demo")
        .postForEntity("/api/cycles/2030", null, JsonNode.class);
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outside.getBody().get("detail").asText()).startsWith("El año 2030 está fuera del periodo");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("%:2030").count()).isZero();
  }

  @Test
  void managerCancelsACycleWithAReasonAndStaffCanNotAskForChangesBeforeExecution() {
    rest.withBasicAuth("manager1", "demo").postForEntity("/api/cycles/2023/2.1", null, JsonNode.class);
    ResponseEntity<JsonNode> change = rest.withBasicAuth("depcyc-staff1", "demo")
        .postForEntity("/api/cycles/2023/2.1/change-requests", null, JsonNode.class);
    assertThat(change.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(change.getBody().get("detail").asText()).contains("no está en ejecución");

    ResponseEntity<Void> cancelled = rest.withBasicAuth("manager1", "demo").postForEntity(
        "/api/cycles/2023/2.1/cancel", Map.of("reason", "Fusión con la línea 2.2."), Void.class);

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    HistoricProcessInstance cycle = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY).processInstanceBusinessKey("PGD-2020-2023:2.1:2023")
        .singleResult();
    assertThat(cycle.getEndTime()).isNotNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId(LifecycleProcess.EVENT_CYCLE_CANCELLED).count()).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName("cancelledBy").singleResult().getValue()).isEqualTo("manager1");
  }
}
