package mx.org.iecm.pgd.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tasks through {@code /engine-rest}, the way an integration or Tasklist sends them, as a demo user.
 */
public record EngineRest(TestRestTemplate rest) {

  public static final String PASSWORD = "demo";

  /** The one open task of the cycle routed to the group, as {@code user} sees it. */
  public JsonNode task(String user, String businessKey, String group) {
    JsonNode tasks = rest.withBasicAuth(user, PASSWORD).getForObject(
        "/engine-rest/task?processInstanceBusinessKey={key}&candidateGroup={group}&includeAssignedTasks=true", JsonNode.class,
        businessKey, group);
    assertThat(tasks).as("tasks of %s for %s", group, businessKey).hasSize(1);
    return tasks.get(0);
  }

  public ResponseEntity<JsonNode> submit(String user, String taskId, Map<String, Object> values) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables(values)), JsonNode.class, taskId);
  }

  /** Completes the group's task of the cycle as {@code user} and checks it was accepted. */
  public void complete(String user, String businessKey, String group, Map<String, Object> values) {
    JsonNode task = task(user, businessKey, group);
    if (SampleEvidence.required(task.get("taskDefinitionKey").asText())) {
      // As a person does in Tasklist's «Evidencias»: the file first, through the application's API.
      ResponseEntity<JsonNode> upload = rest.withBasicAuth(user, PASSWORD).exchange(
          org.springframework.http.RequestEntity.post("/api/tasks/{id}/evidence?name={name}", task.get("id").asText(),
              SampleEvidence.NAME).contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
              .body(SampleEvidence.PDF), JsonNode.class);
      assertThat(upload.getStatusCode()).as("%s attaching evidence: %s", user, upload.getBody())
          .isEqualTo(HttpStatus.CREATED);
    }
    ResponseEntity<JsonNode> response = submit(user, task.get("id").asText(), values);
    assertThat(response.getStatusCode()).as("%s completing %s: %s", user, task.get("taskDefinitionKey"),
        response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> {
      if (value instanceof SerializableValue json) {
        variables.put(name, Map.of("type", "Json", "value", json.getValueSerialized()));
      } else {
        variables.put(name, Map.of("value", value));
      }
    });
    return variables;
  }

  public static List<String> texts(JsonNode array, String field) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
  }
}
