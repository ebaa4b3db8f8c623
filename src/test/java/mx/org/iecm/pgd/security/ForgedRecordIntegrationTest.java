package mx.org.iecm.pgd.security;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.EngineApi;
import mx.org.iecm.pgd.support.EngineApi.Answer;
import mx.org.iecm.pgd.support.EngineRest;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.Submissions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile requests of people of every role against the record, replayed through {@code /engine-rest}
 * (HTTP Basic) and through the webapps' engine API (session and CSRF token): each is refused with a
 * Spanish message, and the task, its variables, the journal and the expediente are as they were.
 */
@PgdIntegrationTest
@OwnsCycles({"3.2:2022", "3.3:2022", "3.5:2022", "3.6:2022", "8.1:2022", "8.2:2022", "8.3:2022",
    "8.4:2022", "8.5:2022", "6.1:2022", "12.1:2022", "12.5:2022"})
class ForgedRecordIntegrationTest {

  /** Each test uses its own cycles, one per API (year 2022, lines no other test starts). */
  static Stream<Arguments> apis(String firstLine, String secondLine) {
    return Stream.of(Arguments.of("engine-rest", firstLine), Arguments.of("webapp", secondLine));
  }

  static Stream<Arguments> routingForgery() {
    return apis("3.2", "3.3");
  }

  static Stream<Arguments> selfApproval() {
    return apis("3.5", "3.6");
  }

  static Stream<Arguments> progressForgery() {
    return apis("8.1", "8.2");
  }

  static Stream<Arguments> untypedValues() {
    return apis("8.3", "8.4");
  }

  static Stream<Arguments> variablesOutsideACompletion() {
    return apis("8.5", "6.1");
  }

  static Stream<Arguments> planningValidation() {
    return apis("12.1", "12.5");
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
  javax.sql.DataSource dataSource;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;

  CycleDriver driver;

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource);
  }

  private EngineApi api(String kind, String user) {
    return EngineApi.of(kind, port, user);
  }

  private ActionLine line(String id) {
    return catalog.plan("PGD-2020-2023").flatMap(plan -> plan.actionLine(id)).orElseThrow();
  }

  private String start(String lineId) {
    cycles.startLine(2022, lineId);
    return "PGD-2020-2023:" + lineId + ":2022";
  }

  private Task openTask(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
  }

  /** What a refused request must leave as it was: the open task, its variables, the journal, the expediente. */
  private record Snapshot(String taskId, String assignee, String name, Map<String, String> variables,
      int journalRows, JsonNode expediente) {
  }

  private Snapshot snapshot(String key) {
    Task task = openTask(key);
    JsonNode expediente = rest.withBasicAuth("auditor1", "demo").getForObject("/api/audit/cases/{key}", JsonNode.class,
        key);
    // Variables as the text they store (JSON lists compare by content, not as objects).
    Map<String, String> variables = new HashMap<>();
    runtimeService.getVariables(task.getExecutionId()).forEach((name, value) -> variables.put(name, String.valueOf(value)));
    return new Snapshot(task.getId(), task.getAssignee(), task.getName(), variables, journal.of(key).size(), expediente);
  }

  private static void assertRefused(Answer answer, int status, String... messageParts) {
    assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(status);
    assertThat(answer.message()).contains(messageParts).doesNotContain("Cannot ", "Exception");
  }

  /** The REST API's form of a completion's variables. */
  private static Map<String, Object> variables(Map<String, Object> values) {
    return Map.of("variables", EngineRest.variables(values));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routingForgery")
  void staffCannotSendTheDraftToAnotherAreaOrAnotherYear(String apiKind, String lineId) {
    String key = start(lineId);
    String staff = line(lineId).responsibleArea() + "-staff1";
    EngineApi api = api(apiKind, staff);
    Task draft = openTask(key);
    assertThat(api.post("task/" + draft.getId() + "/claim", Map.of("userId", staff)).status()).isEqualTo(204);
    Snapshot before = snapshot(key);

    Map<String, Object> forged = new HashMap<>(workProgram(2022));
    forged.put("responsibleArea", "deoeyg");
    forged.put("year", 2030);
    Answer refused = api.post("task/" + draft.getId() + "/submit-form", variables(forged));

    assertRefused(refused, 400, "Variable «responsibleArea»: esta tarea no la admite",
        "Variable «year»: esta tarea no la admite");
    assertThat(EngineRest.texts(refused.body().get("problems"), "field"))
        .containsExactlyInAnyOrder("responsibleArea", "year");
    assertThat(snapshot(key)).isEqualTo(before);
    assertThat(api.post("task/" + draft.getId() + "/complete", variables(forged)).status()).isEqualTo(400);
    assertThat(snapshot(key)).isEqualTo(before);

    // The draft as its form sends it goes on, to the heads of the line's own area, named after its year.
    assertThat(api.post("task/" + draft.getId() + "/submit-form", variables(workProgram(2022))).status())
        .isEqualTo(204);
    Task approval = openTask(key);
    assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(line(lineId).responsibleArea() + "-head");
    assertThat(approval.getName()).endsWith("· línea " + lineId + " · 2022");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("planningValidation")
  void onlyThePlanningOfficeValidatesAProgramAndARefusalChangesNothing(String apiKind, String lineId) {
    String key = start(lineId);
    ActionLine line = line(lineId);
    String area = line.responsibleArea();
    driver.complete(key, area + "-staff1", area + "-staff", workProgram(2022));
    driver.complete(key, area + "-head1", area + "-head", approve());
    for (String co : line.coResponsibleAreas()) {
      driver.complete(key, co + "-head1", co + "-head", approve());
    }
    Task validation = openTask(key);
    assertThat(validation.getTaskDefinitionKey()).isEqualTo("Task_ValidateProgramPlanning");
    Snapshot before = snapshot(key);

    // The line's own area, its co-responsible heads, the SGCE office, managers and auditors: none validates.
    List<String> outsiders = new java.util.ArrayList<>(List.of(area + "-staff2", area + "-head1", "sgce1",
        "manager1", "auditor1"));
    line.coResponsibleAreas().forEach(co -> outsiders.add(co + "-head1"));
    for (String user : outsiders) {
      EngineApi api = api(apiKind, user);
      Answer claim = api.post("task/" + validation.getId() + "/claim", Map.of("userId", user));
      assertThat(claim.status()).as("%s claims: %s", user, claim.body()).isIn(403, 404);
      Answer submit = api.post("task/" + validation.getId() + "/submit-form", variables(approve()));
      assertThat(submit.status()).as("%s submits: %s", user, submit.body()).isIn(403, 404);
      assertThat(submit.message()).doesNotContain("Cannot ", "Exception");
    }
    assertThat(snapshot(key)).isEqualTo(before);

    assertThat(api(apiKind, "dprf-staff1").post("task/" + validation.getId() + "/submit-form",
        variables(approve())).status()).isEqualTo(204);
    assertThat(openTask(key).getTaskDefinitionKey()).isEqualTo("Task_ReviewProgramSgce");
    assertThat(journal.of(key)).extracting(entry -> entry.taskKey() + " " + entry.actor())
        .contains("Task_ValidateProgramPlanning dprf-staff1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selfApproval")
  void whoDraftedCannotApproveItWhateverTheRequestSays(String apiKind, String lineId) {
    String key = start(lineId);
    String area = line(lineId).responsibleArea();
    String both = area + "-both";
    if (identityService.createUserQuery().userId(both).count() == 0) {
      User user = identityService.newUser(both);
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(both, area + "-staff");
      identityService.createMembership(both, area + "-head");
    }
    EngineApi api = api(apiKind, both);
    assertThat(api.post("task/" + openTask(key).getId() + "/submit-form", variables(workProgram(2022))).status())
        .isEqualTo(204);
    Task approval = openTask(key);
    Snapshot before = snapshot(key);

    Map<String, Object> forged = new HashMap<>(approve());
    forged.put("preparedBy", area + "-staff2");
    assertRefused(api.post("task/" + approval.getId() + "/submit-form", variables(forged)), 400,
        "Variable «preparedBy»: esta tarea no la admite");
    assertThat(snapshot(key)).isEqualTo(before);
    // Not even a variable an administrator writes makes someone else the preparer: the journal says who.
    runtimeService.setVariable(approval.getProcessInstanceId(), "preparedBy", area + "-staff2");
    Snapshot withVariable = snapshot(key);
    assertRefused(api.post("task/" + approval.getId() + "/submit-form", variables(approve())), 400,
        both + " preparó este trabajo y no puede aprobarlo");
    assertThat(snapshot(key)).isEqualTo(withVariable);

    assertThat(EngineApi.rest(port, area + "-head1").post("task/" + approval.getId() + "/submit-form",
        variables(approve())).status()).isEqualTo(204);
    JsonNode expediente = rest.withBasicAuth("auditor1", "demo").getForObject("/api/audit/cases/{key}",
        JsonNode.class, key);
    assertThat(expediente.at("/checks/noSelfApproval/passed").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("progressForgery")
  void aHeadCannotReportProgressTheStaffDidNotReport(String apiKind, String lineId) {
    String key = start(lineId);
    String area = line(lineId).responsibleArea();
    driver.plan(key, 2022, area, line(lineId).coResponsibleAreas());
    driver.runDueTimers(key);
    driver.complete(key, area + "-staff1", area + "-staff", Submissions.progress(0));
    Task validation = openTask(key);
    EngineApi head = api(apiKind, area + "-head1");
    Snapshot before = snapshot(key);

    Map<String, Object> forged = new HashMap<>(approve());
    forged.put("progressPercent", 100);
    assertRefused(head.post("task/" + validation.getId() + "/submit-form", variables(forged)), 400,
        "Variable «progressPercent»: esta tarea no la admite");
    assertThat(snapshot(key)).isEqualTo(before);

    // Validated as it is, 0 % in the first quarter falls behind the schedule: the planning office analyses it.
    assertThat(head.post("task/" + validation.getId() + "/submit-form", variables(approve())).status())
        .isEqualTo(204);
    assertThat(openTask(key).getTaskDefinitionKey()).isEqualTo("Task_AnalyseDeviation");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untypedValues")
  void onlyTheTypesOfTheFormAreWritten(String apiKind, String lineId) {
    String key = start(lineId);
    EngineApi staff = api(apiKind, line(lineId).responsibleArea() + "-staff1");
    String submit = "task/" + openTask(key).getId() + "/submit-form";
    Snapshot before = snapshot(key);

    Map<String, Object> url = new HashMap<>();
    url.put("workProgram", Map.of("type", "Object", "value", "{\"protocol\":\"http\",\"host\":\"example.org\"}",
        "valueInfo", Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json")));
    assertRefused(staff.post(submit, Map.of("variables", url)), 400,
        "Variable «workProgram»: debe ser de tipo Json; se recibió el tipo «Object»");

    Map<String, Object> xml = new HashMap<>();
    xml.put("workProgram", Map.of("type", "Xml", "value", "<programa/>"));
    assertRefused(staff.post(submit, Map.of("variables", xml)), 400, "se recibió el tipo «Xml»");

    Map<String, Object> serialized = new HashMap<>();
    serialized.put("workProgram", Map.of("type", "Object", "value", "rO0ABXQAA2FiYw==", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
    assertRefused(staff.post(submit, Map.of("variables", serialized)), 400,
        "Variable «workProgram»: debe ser de tipo Json");

    Map<String, Object> invalidJson = new HashMap<>();
    invalidJson.put("workProgram", Map.of("type", "Json", "value", "{\"goal\": "));
    assertRefused(staff.post(submit, Map.of("variables", invalidJson)), 400,
        "Variable «workProgram»: no es JSON válido");

    Map<String, Object> list = new HashMap<>();
    list.put("workProgram", Map.of("type", "Json", "value", "[]"));
    assertRefused(staff.post(submit, Map.of("variables", list)), 400,
        "Variable «workProgram»: debe ser un documento JSON (un objeto)");

    Map<String, Object> extraField = new HashMap<>();
    extraField.put("workProgram", Map.of("type", "Json", "value", Submissions.workProgramJson(2022)
        .replace("\"frequency\":\"trimestral\"", "\"frequency\":\"trimestral\",\"approvedBy\":\"sgce1\"")));
    assertRefused(staff.post(submit, Map.of("variables", extraField)), 400,
        "Indicador 1: «approvedBy» no es un campo del programa de trabajo");

    Map<String, Object> legacy = new HashMap<>();
    legacy.put("goal", Map.of("type", "String", "value", "Objetivo suelto"));
    assertRefused(staff.post(submit, Map.of("variables", legacy)), 400,
        "Variable «goal»: esta tarea no la admite; su formulario escribe workProgram");

    assertRefused(staff.post(submit, "{\"variables\": "), 400, "no es JSON válido");
    assertThat(snapshot(key)).isEqualTo(before);

    assertThat(staff.post(submit, variables(workProgram(2022))).status()).isEqualTo(204);
    assertRefused(staff.post(submit, variables(workProgram(2022))), 404, "no existe o ya se completó");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variablesOutsideACompletion")
  void onlyAdministratorsWriteVariablesOutsideACompletion(String apiKind, String lineId) {
    String key = start(lineId);
    String area = line(lineId).responsibleArea();
    Task draft = openTask(key);
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey("action-line-lifecycle").singleResult();
    Snapshot before = snapshot(key);
    String lifecycleVariables = runtimeService.getVariables(lifecycle.getId()).toString();

    List<BiFunction<EngineApi, String, Answer>> writes = List.of(
        (api, task) -> api.put("task/" + task + "/variables/year", Map.of("value", 2030)),
        (api, task) -> api.post("task/" + task + "/variables", Map.of("modifications",
            Map.of("responsibleArea", Map.of("value", "se")))),
        (api, task) -> api.put("task/" + task + "/localVariables/preparedBy", Map.of("value", "otra")),
        (api, task) -> api.delete("task/" + task + "/variables/responsibleArea"),
        (api, task) -> api.put("process-instance/" + lifecycle.getId() + "/variables/phase", Map.of("value", "closed")),
        (api, task) -> api.post("process-instance/" + lifecycle.getId() + "/variables", Map.of("modifications",
            Map.of("phase", Map.of("value", "closed")))),
        (api, task) -> api.put("execution/" + draft.getExecutionId() + "/localVariables/year", Map.of("value", 2030)));
    for (String user : List.of(area + "-staff1", area + "-head1", "sgce1", "manager1", "auditor1")) {
      EngineApi api = api(apiKind, user);
      for (BiFunction<EngineApi, String, Answer> write : writes) {
        Answer answer = write.apply(api, draft.getId());
        assertThat(answer.status()).as("%s through %s: %s", user, api, answer.body()).isEqualTo(403);
        assertThat(answer.message()).isEqualTo("Solo la administración escribe variables fuera de la tarea que las"
            + " pide: complete la tarea con su formulario.");
      }
      // A BPMN error carries variables too; like every other engine write, it is the administration's.
      Answer error = api.post("task/" + draft.getId() + "/bpmnError", Map.of("errorCode", "x", "variables",
          Map.of("year", Map.of("value", 2030))));
      assertThat(error.status()).isEqualTo(403);
      assertThat(error.message()).isEqualTo(EngineWritesIntegrationTest.WRITE_REFUSED);
    }
    assertThat(snapshot(key)).isEqualTo(before);
    assertThat(runtimeService.getVariables(lifecycle.getId()).toString()).isEqualTo(lifecycleVariables);

    // An administrator keeps the engine's tools (Cockpit's variable editing among them).
    EngineApi admin = api(apiKind, "admin");
    assertThat(admin.put("process-instance/" + lifecycle.getId() + "/variables/nota", Map.of("value", "revisar"))
        .status()).isEqualTo(204);
    assertThat(runtimeService.getVariable(lifecycle.getId(), "nota")).isEqualTo("revisar");
  }
}
