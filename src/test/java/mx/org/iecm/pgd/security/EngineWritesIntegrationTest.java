package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.audit.CaseSeals;
import mx.org.iecm.pgd.audit.PendingSeals;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import mx.org.iecm.pgd.web.EngineApiPolicy;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.EngineApi;
import mx.org.iecm.pgd.support.EngineApi.Answer;
import mx.org.iecm.pgd.support.EngineRest;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.Submissions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cycles move only through their processes, and read-only roles write nothing: the hostile requests
 * found against the engine APIs, replayed through {@code /engine-rest} (HTTP Basic) and the webapps'
 * engine API (session and CSRF token) by every role. Each is refused with a Spanish message and the
 * instance, its variables, its tasks, the jobs and the journal are as they were.
 */
@PgdIntegrationTest
@OwnsCycles({"4.1:2022", "4.2:2022", "7.1:2022", "7.2:2022", "9.1:2022", "10.1:2022", "10.2:2022",
    "10.3:2022"})
class EngineWritesIntegrationTest {

  static final String PLAN = "PGD-2020-2023";
  /** A key no test starts: fabricating its cycle must leave it unstarted. */
  static final String UNSTARTED = PLAN + ":4.3:2022";

  static Stream<Arguments> cycleMoves() {
    return Stream.of(Arguments.of("engine-rest", "4.1"), Arguments.of("webapp", "4.2"));
  }

  static Stream<Arguments> taskWrites() {
    return Stream.of(Arguments.of("engine-rest", "7.1"), Arguments.of("webapp", "7.2"));
  }

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  CycleService cycles;
  @Autowired
  PlanCatalog catalog;
  @Autowired
  CaseJournal journal;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  CaseSeals seals;
  @Autowired
  PendingSeals pendingSeals;
  @Autowired
  DataSource dataSource;
  @Autowired
  AuthorizationService authorizationService;

  private EngineApi api(String kind, String user) {
    return EngineApi.of(kind, port, user);
  }

  private ActionLine line(String id) {
    return catalog.plan(PLAN).flatMap(plan -> plan.actionLine(id)).orElseThrow();
  }

  private String start(String lineId) {
    cycles.startLine(2022, lineId);
    return PLAN + ":" + lineId + ":2022";
  }

  private ProcessInstance lifecycle(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("action-line-lifecycle")
        .processInstanceBusinessKey(key).singleResult();
  }

  private Task openTask(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
  }

  /** Everything a refused request must leave as it was. */
  private record State(List<String> activities, boolean suspended, Map<String, String> variables, String taskName,
      String assignee, List<String> taskLinks, int journalRows, long unstartedCycles, List<String> jobs) {
  }

  private State state(String key) {
    ProcessInstance cycle = lifecycle(key);
    Map<String, String> variables = new HashMap<>();
    runtimeService.getVariables(cycle.getId()).forEach((name, value) -> variables.put(name, String.valueOf(value)));
    Task task = openTask(key);
    List<String> links = taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(link -> link.getType() + ":" + link.getGroupId() + ":" + link.getUserId()).sorted().toList();
    List<String> jobs = managementService.createJobQuery().list().stream()
        .map(job -> job.getId() + ":" + job.isSuspended() + ":" + job.getPriority() + ":" + job.getRetries() + ":"
            + job.getDuedate())
        .sorted().toList();
    return new State(activities(runtimeService.getActivityInstance(cycle.getId())), cycle.isSuspended(), variables,
        task.getName(), task.getAssignee(), links, journal.of(key).size(),
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(UNSTARTED).count(), jobs);
  }

  private static List<String> activities(ActivityInstance instance) {
    return Stream.concat(Stream.of(instance.getActivityId()),
        Stream.of(instance.getChildActivityInstances()).flatMap(child -> activities(child).stream())).toList();
  }

  private static void assertRefused(Answer answer, int status, String message, Object what) {
    assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(status);
    assertThat(answer.message()).as("%s", what).isEqualTo(message);
  }

  static final String WRITE_REFUSED = "Solo la administración (camunda-admin) puede hacer esta operación por la API"
      + " del motor: los ciclos avanzan por sus tareas, y se inician, cancelan o modifican por /api/cycles.";
  static final String VARIABLES_REFUSED = "Solo la administración escribe variables fuera de la tarea que las pide:"
      + " complete la tarea con su formulario.";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cycleMoves")
  void onlyTheAdministrationMovesACycleOrItsJobsThroughTheEngine(String apiKind, String lineId) {
    String key = start(lineId);
    String area = line(lineId).responsibleArea();
    ProcessInstance cycle = lifecycle(key);
    Task draft = openTask(key);
    Job cleanup = historyService.findHistoryCleanupJobs().get(0);
    String jobDefinition = managementService.createJobQuery().processInstanceId(draft.getProcessInstanceId()).list()
        .stream().map(Job::getJobDefinitionId).findFirst().orElseThrow();
    State before = state(key);
    Map<String, Object> toTheEnd = Map.of("type", "startBeforeActivity", "activityId", "Event_CycleClosed");

    Map<String, Function<EngineApi, Answer>> writes = new LinkedHashMap<>();
    writes.put("fabricate a closed cycle", api -> api.post("process-definition/key/action-line-lifecycle/start",
        Map.of("businessKey", UNSTARTED, "startInstructions", List.of(toTheEnd))));
    writes.put("start by form", api -> api.post("process-definition/key/action-line-lifecycle/submit-form",
        Map.of("businessKey", UNSTARTED)));
    writes.put("skip planning", api -> api.post("process-instance/" + cycle.getId() + "/modification",
        Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "CallActivity_Planning"), toTheEnd))));
    writes.put("modification batch", api -> api.post("modification/execute", Map.of("processDefinitionId",
        cycle.getProcessDefinitionId(), "processInstanceIds", List.of(cycle.getId()), "instructions",
        List.of(toTheEnd))));
    writes.put("restart", api -> api.post("process-definition/" + cycle.getProcessDefinitionId() + "/restart",
        Map.of("processInstanceIds", List.of(cycle.getId()), "instructions", List.of(toTheEnd))));
    writes.put("suspend", api -> api.put("process-instance/" + cycle.getId() + "/suspended",
        Map.of("suspended", true)));
    writes.put("suspend, trailing slash", api -> api.put("process-instance/" + cycle.getId() + "/suspended/",
        Map.of("suspended", true)));
    writes.put("suspend all", api -> api.put("process-instance/suspended",
        Map.of("processDefinitionKey", "action-line-lifecycle", "suspended", true)));
    writes.put("cancel by message", api -> api.post("message", Map.of("messageName", "cancel-cycle",
        "businessKey", key, "processVariables", Map.of("cancelledBy", Map.of("value", "sgce1")))));
    writes.put("trigger the subscription", api -> api.post("execution/" + cycle.getId()
        + "/messageSubscriptions/cancel-cycle/trigger", Map.of()));
    writes.put("signal", api -> api.post("signal", Map.of("name", "cancel-cycle")));
    writes.put("delete", api -> api.delete("process-instance/" + cycle.getId()));
    writes.put("delete batch", api -> api.post("process-instance/delete",
        Map.of("processInstanceIds", List.of(cycle.getId()), "deleteReason", "x")));
    writes.put("delete history", api -> api.delete("history/process-instance/" + cycle.getId()));
    writes.put("suspend cleanup job", api -> api.put("job/" + cleanup.getId() + "/suspended",
        Map.of("suspended", true)));
    writes.put("job priority", api -> api.put("job/" + cleanup.getId() + "/priority", Map.of("priority", 99)));
    writes.put("job retries", api -> api.put("job/" + cleanup.getId() + "/retries", Map.of("retries", 0)));
    writes.put("job due date", api -> api.put("job/" + cleanup.getId() + "/duedate",
        Map.of("duedate", "2030-01-01T00:00:00.000+0000")));
    writes.put("execute job", api -> api.post("job/" + cleanup.getId() + "/execute", Map.of()));
    writes.put("suspend job definition", api -> api.put("job-definition/" + jobDefinition + "/suspended",
        Map.of("suspended", true)));
    writes.put("assign to another", api -> api.post("task/" + draft.getId() + "/assignee",
        Map.of("userId", area + "-staff2")));
    writes.put("delegate", api -> api.post("task/" + draft.getId() + "/delegate", Map.of("userId", "manager1")));
    writes.put("rename task", api -> api.put("task/" + draft.getId(), Map.of("name", "Otra tarea")));
    writes.put("add candidate group", api -> api.post("task/" + draft.getId() + "/identity-links",
        Map.of("groupId", "managers", "type", "candidate")));
    writes.put("deploy", api -> api.post("deployment/create", Map.of()));
    writes.put("create user", api -> api.post("user/create", Map.of("profile", Map.of("id", "intruso"))));

    for (String user : List.of("manager1", "sgce1", "auditor1", area + "-staff1", area + "-head1")) {
      EngineApi api = api(apiKind, user);
      writes.forEach((what, write) -> assertRefused(write.apply(api), 403, WRITE_REFUSED, user + ": " + what));
      assertRefused(api.put("process-instance/" + cycle.getId() + "/variables/phase", Map.of("value", "closed")), 403,
          VARIABLES_REFUSED, user + ": phase");
    }
    assertThat(state(key)).isEqualTo(before);
    assertThat(historyService.findHistoryCleanupJobs()).extracting(Job::isSuspended).containsOnly(false);

    // The refusals are ours, not the engine's: the administration still has these tools.
    EngineApi admin = api(apiKind, "admin");
    assertThat(admin.put("process-instance/" + cycle.getId() + "/suspended", Map.of("suspended", true)).status())
        .isEqualTo(204);
    assertThat(lifecycle(key).isSuspended()).isTrue();
    assertThat(admin.put("process-instance/" + cycle.getId() + "/suspended", Map.of("suspended", false)).status())
        .isEqualTo(204);
    assertThat(state(key)).isEqualTo(before);
  }

  static Stream<Arguments> apis() {
    return Stream.of(Arguments.of("engine-rest"), Arguments.of("webapp"));
  }

  static final String REVOKE_REFUSED = "La aplicación solo concede permisos: no se crean autorizaciones que los"
      + " niegan (tipo REVOKE, «DENEGAR» en Admin). Para quitar un permiso, quítelo de la autorización que lo"
      + " concede o borre esa autorización.";

  /** The engine does not look for revoking authorizations (AuthorizationBootstrap), so none may be created. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("apis")
  void authorizationsAreCreatedToGrantNeverToRevoke(String apiKind) {
    long before = authorizationService.createAuthorizationQuery().count();
    Map<String, Object> revoke = new HashMap<>(Map.of("type", 2, "permissions", List.of("READ"),
        "groupId", "auditors", "resourceType", 7, "resourceId", "*"));
    EngineApi admin = api(apiKind, "admin");

    for (Object type : List.of(2, "2", 2.5)) {
      revoke.put("type", type);
      assertRefused(admin.post("authorization/create", revoke), 400, REVOKE_REFUSED, "type " + type);
    }
    assertRefused(api(apiKind, "sgce1").post("authorization/create", revoke), 403, WRITE_REFUSED, "sgce1");
    assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);

    // Granting is the administration's, as before.
    revoke.put("type", 1);
    Answer grant = admin.post("authorization/create", revoke);
    assertThat(grant.status()).as("%s", grant.body()).isEqualTo(200);
    assertThat(admin.delete("authorization/" + grant.body().get("id").asText()).status()).isEqualTo(204);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskWrites")
  void onlyThoseWhoMayWorkATaskCommentOnItClaimItOrReleaseIt(String apiKind, String lineId) {
    String key = start(lineId);
    String area = line(lineId).responsibleArea();
    String otherArea = catalog.areas().stream().map(a -> a.code()).filter(code -> !code.equals(area)).findFirst()
        .orElseThrow();
    Task draft = openTask(key);
    String comment = "task/" + draft.getId() + "/comment/create";
    String attachment = "task/" + draft.getId() + "/attachment/create";
    String notWorker = "Solo quien puede trabajar esta tarea (su grupo o la persona asignada) agrega comentarios o"
        + " archivos.";
    for (String user : List.of("auditor1", "manager1", "sgce1", area + "-head1", otherArea + "-staff1")) {
      EngineApi api = api(apiKind, user);
      assertRefused(api.post(comment, Map.of("message", "Comentario de " + user)), 403, notWorker, user);
    }
    // Files go to «Evidencias», which checks them: the engine's unchecked attachments are nobody's but the
    // administration's, not even of those who may work the task.
    for (String user : List.of("auditor1", area + "-staff1", otherArea + "-staff1")) {
      assertRefused(api(apiKind, user).post(attachment, Map.of("attachment-name", "informe.pdf")), 403,
          EngineApiPolicy.WRITE_REFUSED, user);
    }
    assertThat(taskService.getTaskComments(draft.getId())).isEmpty();
    assertThat(taskService.getTaskAttachments(draft.getId())).isEmpty();

    // Completing a task one may not read answers as for a task that does not exist: not even which
    // fields its form writes shows, and the task stays open.
    assertRefused(api(apiKind, otherArea + "-staff1").post("task/" + draft.getId() + "/complete",
            Map.of("variables", Map.of("goal", Map.of("value", "Objetivo ajeno")))), 404,
        "La tarea «" + draft.getId() + "» no existe o ya se completó.", "completion by another area");
    // The same with exactly the fields its form writes, or with none: the engine refuses the completion,
    // and the answer is still that of a task that does not exist, not the engine's 403 (which names the task
    // and the permission missing).
    Map<String, Object> formFields = Map.of("variables", EngineRest.variables(Submissions.workProgram(2022)));
    long written = historyService.createHistoricDetailQuery().processInstanceId(draft.getProcessInstanceId()).count();
    for (Map<String, Object> request : List.of(formFields, Map.<String, Object>of())) {
      assertRefused(api(apiKind, otherArea + "-staff1").post("task/" + draft.getId() + "/complete", request), 404,
          "La tarea «" + draft.getId() + "» no existe o ya se completó.",
          "completion by another area " + request.keySet());
    }
    // Every other role is refused too, with the engine's 403 (may read the task) or the 404 (may not).
    for (String user : List.of("auditor1", "sgce1", area + "-head1")) {
      Answer refused = api(apiKind, user).post("task/" + draft.getId() + "/complete", formFields);
      assertThat(refused.status()).as("%s: %s", user, refused.body()).isIn(403, 404);
      if (refused.status() == 404) {
        assertThat(refused.message()).isEqualTo("La tarea «" + draft.getId() + "» no existe o ya se completó.");
      }
    }
    // Someone who may read the task but not work it gets the engine's own refusal.
    Answer byManager = api(apiKind, "manager1").post("task/" + draft.getId() + "/complete", formFields);
    assertThat(byManager.status()).as("%s", byManager.body()).isEqualTo(403);
    assertThat(byManager.message()).contains("TASK_WORK");
    assertThat(openTask(key).getId()).isEqualTo(draft.getId());
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(draft.getProcessInstanceId()).count())
        .isEqualTo(written);

    EngineApi staff = api(apiKind, area + "-staff1");

    // A claim is for oneself; nobody gains rights on the task by being named in someone else's claim.
    List<String> links = taskService.getIdentityLinksForTask(draft.getId()).stream().map(IdentityLink::toString)
        .toList();
    assertRefused(staff.post("task/" + draft.getId() + "/claim", Map.of("userId", area + "-staff2")), 403,
        "Solo puede reclamar la tarea para usted («" + area + "-staff1»): asignarla a otra persona es de la"
            + " administración.", "claim for another");
    assertRefused(staff.post("task/" + draft.getId() + "/claim", Map.of()), 403,
        "Solo puede reclamar la tarea para usted («" + area + "-staff1»): asignarla a otra persona es de la"
            + " administración.", "claim for nobody");
    assertThat(openTask(key).getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(draft.getId()).stream().map(IdentityLink::toString).toList())
        .isEqualTo(links);

    assertThat(staff.post("task/" + draft.getId() + "/claim", Map.of("userId", area + "-staff1")).status())
        .isEqualTo(204);
    EngineApi colleague = api(apiKind, area + "-staff2");
    assertRefused(colleague.post("task/" + draft.getId() + "/unclaim", Map.of()), 403,
        "Solo quien tiene asignada la tarea puede liberarla.", "unclaim by a colleague");
    assertThat(openTask(key).getAssignee()).isEqualTo(area + "-staff1");
    assertThat(staff.post("task/" + draft.getId() + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(openTask(key).getAssignee()).isNull();
    assertRefused(staff.post("task/no-such-task/comment/create", Map.of("message", "x")), 404,
        "La tarea «no-such-task» no existe o ya se completó.", "missing task");
  }

  @Test
  void aCycleHasOneOpenChangeRequestAtATimeAndRecordsWhoAskedForIt() {
    String key = start("9.1");
    ActionLine line = line("9.1");
    String area = line.responsibleArea();
    new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource)
        .plan(key, 2022, area, line.coResponsibleAreas());
    String staff = area + "-staff1";

    ResponseEntity<JsonNode> first = post(staff, "/api/cycles/2022/9.1/change-requests", null);
    assertThat(first.getStatusCode().value()).isEqualTo(202);
    ResponseEntity<JsonNode> second = post(area + "-staff2", "/api/cycles/2022/9.1/change-requests", null);
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody().path("detail").asText()).isEqualTo("El ciclo " + key + " ya tiene una modificación"
        + " del programa en curso: se puede pedir otra cuando esa termine.");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProgramChangeProcess.KEY)
        .processInstanceBusinessKey(key).count()).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(runtimeService
        .createProcessInstanceQuery().processDefinitionKey(ExecutionProcess.KEY).processInstanceBusinessKey(key)
        .singleResult().getId()).variableName(ExecutionProcess.CHANGE_REQUESTED_BY).singleResult().getValue())
        .isEqualTo(staff);
  }

  @Test
  void aCycleKeyIsOneOfTheCatalogAndUnique() {
    String key = start("10.1");
    EngineApi admin = EngineApi.rest(port, "admin");
    String start = "process-definition/key/action-line-lifecycle/start";

    assertRefused(admin.post(start, Map.of("businessKey", "=HYPERLINK(\"http://x\"):1.1:2022")), 400,
        "La clave de negocio «=HYPERLINK(\"http://x\"):1.1:2022» no es la de un ciclo: se espera plan:línea:año,"
            + " p. ej. PGD-2020-2023:1.1:2021.", "malformed key");
    assertRefused(admin.post(start, Map.of("businessKey", PLAN + ":1.9:2022")), 400,
        "La línea de acción «1.9» no existe en el plan " + PLAN + ".", "unknown line");
    assertRefused(admin.post(start, Map.of("businessKey", PLAN + ":1.1:2031")), 400,
        "El año 2031 está fuera del periodo del plan " + PLAN + " (2020–2023).", "year outside the plan");
    assertRefused(admin.post(start, Map.of("businessKey", key)), 400,
        "Ya existe un ciclo con la clave «" + key + "» (en curso o terminado).", "second cycle");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("action-line-lifecycle")
        .processInstanceBusinessKeyLike("%HYPERLINK%").count()).isZero();

    // An administrator can still force a second one past the check (skipping listeners): the
    // application then refuses to act on either, and says why, instead of failing.
    Answer forced = admin.post(start, Map.of("businessKey", key, "skipCustomListeners", true, "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "CallActivity_Planning"))));
    assertThat(forced.status()).isEqualTo(200);
    try {
      String duplicates = "Hay 2 ciclos en curso con la clave " + key + ": la administración debe cancelar el que"
          + " sobra antes de actuar sobre el ciclo.";
      ResponseEntity<JsonNode> cancel = post("manager1", "/api/cycles/2022/10.1/cancel", Map.of("reason", "Prueba"));
      assertThat(cancel.getStatusCode().value()).isEqualTo(409);
      assertThat(cancel.getBody().path("detail").asText()).isEqualTo(duplicates);
      ResponseEntity<JsonNode> change = post(line("10.1").responsibleArea() + "-staff1",
          "/api/cycles/2022/10.1/change-requests", null);
      assertThat(change.getStatusCode().value()).isEqualTo(409);
      assertThat(change.getBody().path("detail").asText()).isEqualTo(duplicates);
    } finally {
      String id = forced.body().path("id").asText();
      runtimeService.deleteProcessInstance(id, "duplicado de prueba");
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
          .forEach(sub -> historyService.deleteHistoricProcessInstance(sub.getId()));
      historyService.deleteHistoricProcessInstance(id);
    }
    assertThat(lifecycle(key)).isNotNull();
  }

  @Test
  void oddStoredKeysAreListedMarkedAndTheirCellsCannotRunFormulas() {
    EngineApi admin = EngineApi.rest(port, "admin");
    String odd = "=HYPERLINK(\"http://x\",\"ver\"):1.1:2022";
    Answer forced = admin.post("process-definition/key/action-line-lifecycle/start", Map.of("businessKey", odd,
        "skipCustomListeners", true, "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_CycleClosed"))));
    assertThat(forced.status()).as("%s", forced.body()).isEqualTo(200);
    String id = forced.body().path("id").asText();
    try {
      ResponseEntity<JsonNode> cases = rest.withBasicAuth("auditor1", "demo")
          .getForEntity("/api/audit/cases?size=500", JsonNode.class);
      assertThat(cases.getStatusCode().value()).isEqualTo(200);
      JsonNode item = null;
      for (JsonNode listed : cases.getBody().path("items")) {
        item = odd.equals(listed.path("businessKey").asText()) ? listed : item;
      }
      assertThat(item).as("the odd cycle in the list").isNotNull();
      assertThat(item.path("validKey").asBoolean()).isFalse();
      assertThat(item.has("year")).isFalse();
      assertThat(item.has("planCode")).isFalse();

      ResponseEntity<String> csv = rest.withBasicAuth("auditor1", "demo").getForEntity("/api/audit/cases.csv",
          String.class);
      assertThat(csv.getStatusCode().value()).isEqualTo(200);
      assertThat(csv.getBody()).contains("\n\"'=HYPERLINK(\"\"http://x\"\",\"\"ver\"\"):1.1:2022\",,,,")
          .doesNotContain("\n=HYPERLINK", "\n\"=HYPERLINK");
    } finally {
      historyService.deleteHistoricProcessInstance(id);
    }

    for (String paging : List.of("page=2147483647", "page=2001&size=500", "page=-1", "size=0", "size=501")) {
      ResponseEntity<JsonNode> refused = rest.withBasicAuth("auditor1", "demo")
          .getForEntity("/api/audit/cases?" + paging, JsonNode.class);
      assertThat(refused.getStatusCode().value()).as(paging).isEqualTo(400);
      assertThat(refused.getBody().path("detail").asText()).as(paging).matches("«(page|size)»: .+\\.");
    }
  }

  @Test
  void aCycleClosedOutsideItsProcessesFailsTheCompletenessCheckAndIsSealedAsIncomplete() throws Exception {
    String key = PLAN + ":10.2:2022";
    // Only an administrator can still do this: start the cycle at its closing event.
    Answer fabricated = EngineApi.rest(port, "admin").post("process-definition/key/action-line-lifecycle/start",
        Map.of("businessKey", key, "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_CycleClosed"))));
    assertThat(fabricated.status()).as("%s", fabricated.body()).isEqualTo(200);

    JsonNode record = rest.withBasicAuth("auditor1", "demo").getForObject("/api/audit/cases/{key}", JsonNode.class,
        key);
    assertThat(record.path("outcome").asText()).isEqualTo("closed");
    JsonNode completeness = record.at("/checks/approvalsComplete");
    assertThat(completeness.path("passed").asBoolean()).isFalse();
    assertThat(completeness.path("description").asText())
        .isEqualTo("El ciclo cerrado muestra cada aprobación que sus procesos exigen");
    int reports = 12 / line("10.2").reportingFrequency().months();
    assertThat(completeness.path("findings")).extracting(JsonNode::asText).containsExactly(
        "Planeación: no hay programa de trabajo elaborado por el área.",
        "Ejecución: 0 de " + reports + " informes de avance validados por la persona titular del área.",
        "Revisión: no hay informe de resultados del área.",
        "Cierre: no hay informe de cierre del área.");

    JsonNode verification = rest.withBasicAuth("auditor1", "demo")
        .getForObject("/api/audit/cases/{key}/verify", JsonNode.class, key);
    assertThat(verification.path("sealed").asBoolean()).isTrue();
    assertThat(verification.path("intact").asBoolean()).isTrue();
    assertThat(verification.path("complete").asBoolean()).isFalse();
    assertThat(verification.path("missingApprovals")).hasSize(4);
    BrowserSession auditor = new BrowserSession(port);
    auditor.login("auditor1", "demo");
    String page = auditor.get("/audit/cases/" + key, "text/html").body();
    assertThat(page).contains("Sellado como incompleto", "Cierre: no hay informe de cierre del área.");
  }

  @Test
  void aSealThatFailedAfterTheClosureIsMadeByTheRetryAndReportedUntilThen() {
    String key = PLAN + ":10.3:2022";
    Answer closed = EngineApi.rest(port, "admin").post("process-definition/key/action-line-lifecycle/start",
        Map.of("businessKey", key, "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_CycleClosed"))));
    assertThat(closed.status()).isEqualTo(200);
    assertThat(seals.find(key)).isPresent();
    assertThat(seals.pending()).extracting(CaseSeals.Pending::businessKey).doesNotContain(key);

    // As if the seal had failed right after the closure committed: the closure's note is all there is.
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM pgd_case_seal WHERE business_key = ?", key);
    jdbc.update("INSERT INTO pgd_case_seal_pending (business_key, closed_at, attempts) VALUES (?, now(), 0)", key);
    JsonNode health = rest.withBasicAuth("manager1", "demo").getForObject("/actuator/health", JsonNode.class);
    assertThat(health.at("/components/caseSeals/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/caseSeals/details/ciclosCerradosSinSello").asInt()).isPositive();
    assertThat(health.at("/components/caseSeals/details/pendientes").findValuesAsText("businessKey")).contains(key);

    assertThat(pendingSeals.sealWaiting()).isPositive();
    assertThat(seals.find(key)).isPresent();
    assertThat(seals.verify(key).intact()).isTrue();
    assertThat(seals.pending()).extracting(CaseSeals.Pending::businessKey).doesNotContain(key);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, body == null ? null : new HttpEntity<>(body),
        JsonNode.class);
  }
}
