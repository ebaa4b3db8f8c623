package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * Who can touch what through the REST API, with Camunda authorizations on: one cycle of line 5.1
 * (Unidad Técnica de Comunicación Social y Difusión) seen by people of other groups.
 */
@PgdIntegrationTest
@OwnsCycles("5.1:2022")
class AccessControlIntegrationTest {

  static final String KEY = "PGD-2020-2023:5.1:2022";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  ProcessInstance cycle;
  Task draft;

  @BeforeEach
  void cycleOfLineFivePointOne() {
    rest.withBasicAuth("manager1", "demo").postForEntity("/api/cycles/2022/5.1", null, JsonNode.class);
    cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(KEY)
        .processDefinitionKey("action-line-lifecycle").singleResult();
    draft = taskService.createTaskQuery().processInstanceBusinessKey(KEY).singleResult();
    assertThat(draft.getTaskDefinitionKey()).isEqualTo("Task_DraftProgram");
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String url, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(url, method, body == null ? null : new HttpEntity<>(body),
        String.class, draft.getId());
  }

  private static void assertRefused(ResponseEntity<String> response, String what) {
    HttpStatusCode status = response.getStatusCode();
    assertThat(status.value()).as("%s answered %s: %s", what, status, response.getBody()).isIn(403, 404);
  }

  @Test
  void anonymousCallsAreRefusedWithUnauthorized() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/plan", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.postForEntity("/api/cycles/2022/5.1", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/lessons", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void staffOfTheAreaSeesItsTaskAndStaffOfAnotherAreaCannotTouchItByAnyRoute() {
    JsonNode own = rest.withBasicAuth("utcsyd-staff1", "demo")
        .getForObject("/engine-rest/task?processInstanceBusinessKey=" + KEY, JsonNode.class);
    assertThat(own).hasSize(1);

    String other = "deoeyg-staff1";
    assertThat(call(other, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + KEY, null).getBody())
        .isEqualTo("[]");
    assertRefused(call(other, HttpMethod.GET, "/engine-rest/task/{id}", null), "task by id");
    assertRefused(call(other, HttpMethod.GET, "/engine-rest/task/{id}/variables", null), "variables");
    assertRefused(call(other, HttpMethod.GET, "/engine-rest/task/{id}/form-variables", null), "form variables");
    assertRefused(call(other, HttpMethod.GET, "/engine-rest/task/{id}/deployed-form", null), "form");
    assertRefused(call(other, HttpMethod.POST, "/engine-rest/task/{id}/claim", Map.of("userId", other)), "claim");
    assertRefused(call(other, HttpMethod.POST, "/engine-rest/task/{id}/complete", Map.of()), "complete");
    assertRefused(call(other, HttpMethod.POST, "/engine-rest/task/{id}/submit-form", Map.of()), "submit form");
    assertRefused(call(other, HttpMethod.PUT, "/engine-rest/task/{id}/variables/goal",
        Map.of("value", "Objetivo ajeno")), "set variable");

    Task after = taskService.createTaskQuery().taskId(draft.getId()).singleResult();
    assertThat(after.getAssignee()).isNull();
    assertThat(taskService.getVariable(draft.getId(), "goal")).isNull();
  }

  @Test
  void managerReadsEveryInstanceButCannotCompleteAnotherGroupsTask() {
    JsonNode instances = rest.withBasicAuth("manager2", "demo")
        .getForObject("/engine-rest/process-instance?businessKey=" + KEY, JsonNode.class);
    assertThat(instances).hasSizeGreaterThanOrEqualTo(1);
    JsonNode variables = rest.withBasicAuth("manager2", "demo")
        .getForObject("/engine-rest/process-instance/" + cycle.getId() + "/variables", JsonNode.class);
    assertThat(variables.at("/planCode/value").asText()).isEqualTo("PGD-2020-2023");

    assertRefused(call("manager2", HttpMethod.POST, "/engine-rest/task/{id}/complete", Map.of()), "complete");
    assertRefused(call("manager2", HttpMethod.POST, "/engine-rest/task/{id}/claim", Map.of("userId", "manager2")),
        "claim");
    assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult()).isNotNull();
  }

  @Test
  void auditorReadsHistoryButEveryWriteFails() {
    JsonNode history = rest.withBasicAuth("auditor1", "demo")
        .getForObject("/engine-rest/history/process-instance?processInstanceBusinessKey=" + KEY, JsonNode.class);
    assertThat(history).hasSizeGreaterThanOrEqualTo(2);
    JsonNode tasks = rest.withBasicAuth("auditor1", "demo")
        .getForObject("/engine-rest/history/task?processInstanceBusinessKey=" + KEY, JsonNode.class);
    assertThat(tasks).isNotEmpty();

    String auditor = "auditor2";
    assertRefused(call(auditor, HttpMethod.POST, "/engine-rest/task/{id}/claim", Map.of("userId", auditor)), "claim");
    assertRefused(call(auditor, HttpMethod.POST, "/engine-rest/task/{id}/complete", Map.of()), "complete");
    assertRefused(call(auditor, HttpMethod.POST, "/engine-rest/process-definition/key/action-line-lifecycle/start",
        Map.of("businessKey", "PGD-2020-2023:5.1:2099")), "start");
    assertRefused(call(auditor, HttpMethod.PUT, "/engine-rest/process-instance/" + cycle.getId() + "/variables/phase",
        Map.of("value", "closed")), "set variable");
    assertRefused(call(auditor, HttpMethod.DELETE, "/engine-rest/process-instance/" + cycle.getId(), null), "delete");
    assertThat(call(auditor, HttpMethod.POST, "/api/cycles/2022/5.1/cancel", Map.of("reason", "Auditoría"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(auditor, HttpMethod.POST, "/api/cycles/2022", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(runtimeService.getVariable(cycle.getId(), "phase")).isEqualTo("planning");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cycle.getId()).count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aSingleWrongPasswordDoesNotShutThePersonOut() {
    assertThat(rest.withBasicAuth("ci-head2", "equivocada").getForEntity("/api/plan", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // The person who mistyped gets in with the right password at once (locks: LoginThrottleIntegrationTest).
    assertThat(rest.withBasicAuth("ci-head2", "demo").getForEntity("/api/plan", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
