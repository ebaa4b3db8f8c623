package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.org.iecm.pgd.web.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a completion request may write: exactly the fields of the task's form, each with the type the
 * form declares, lists with the form's columns only. Checked on the request, before the engine sets
 * any variable, on every API that completes tasks (see web/EngineWritesFilter).
 *
 * <p>Why here and not in the engine: the engine sets a completion's variables before any listener runs
 * and offers no public hook that sees them apart from the ones already there; a command interceptor
 * would depend on the engine's internal command classes. The server's own code, which is the only
 * caller of the Java API, completes tasks with exactly their fields, and ValidateSubmissionListener
 * checks every declared field's shape on every path.
 */
@Component
public class CompletionPolicy {

  /** The engine's variable types a form's field may arrive as. */
  private static final Map<TaskForm.Type, Set<String>> TYPES = Map.of(
      TaskForm.Type.STRING, Set.of("String", "Null"),
      TaskForm.Type.NUMBER, Set.of("Double", "Integer", "Long", "Short", "Null"),
      TaskForm.Type.LIST, Set.of("Json"),
      TaskForm.Type.DOCUMENT, Set.of("Json"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService formService;
  private final UserTasks tasks;

  public CompletionPolicy(FormService formService, UserTasks tasks) {
    this.formService = formService;
    this.tasks = tasks;
  }

  /**
   * Everything wrong with the variables of a request to complete {@code taskId}, as the REST API takes
   * them ({@code {"changeReason": {"value": "…", "type": "String"}}}); empty when they may be written.
   *
   * @throws NotFoundException when there is no such open task (it may have been completed already), or when
   *     whoever the engine knows as the caller may not read it
   */
  public List<Problem> check(String taskId, JsonNode variables) {
    Task task = openTask(taskId);
    if (variables == null || variables.isNull() || variables.isMissingNode()) {
      return List.of();
    }
    Map<String, TaskForm.Field> fields = tasks.find(task.getTaskDefinitionKey()).map(DeclaredTask::fields)
        .orElse(Map.of());
    List<Problem> problems = new ArrayList<>();
    if (!variables.isObject()) {
      problems.add(new Problem("variables", "Variables", "deben ser un objeto con una entrada por campo"));
      return problems;
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      TaskForm.Field field = fields.get(entry.getKey());
      String label = "Variable «" + entry.getKey() + "»";
      if (field == null) {
        problems.add(new Problem(entry.getKey(), label, "esta tarea no la admite; su formulario escribe "
            + (fields.isEmpty() ? "nada" : String.join(", ", fields.keySet()))));
      } else {
        typed(field, label, entry.getValue(), problems);
      }
    }
    return problems;
  }

  /**
   * Whether whoever the engine knows as the caller may read the open task (its form data): what a task one
   * may not read answers depends on it ({@link #notFound}).
   */
  public boolean mayRead(String taskId) {
    try {
      return formService.getTaskFormData(taskId) != null;
    } catch (NullValueException | AuthorizationException e) {
      return false;
    }
  }

  /** What a task that does not exist answers, and a task the caller may not read as well. */
  public static NotFoundException notFound(String taskId) {
    return new NotFoundException("La tarea «" + taskId + "» no existe o ya se completó.");
  }

  /**
   * The open task, if whoever the engine knows as the caller may read it, read with its form data: the
   * engine loads it by id, instead of building a task query's whole dynamic SQL (BENCHMARKS.md §9).
   */
  private Task openTask(String taskId) {
    try {
      return formService.getTaskFormData(taskId).getTask();
    } catch (NullValueException | AuthorizationException e) {
      throw notFound(taskId);
    }
  }

  private static void typed(TaskForm.Field field, String label, JsonNode variable, List<Problem> problems) {
    JsonNode value = variable.path("value");
    String type = variable.path("type").isTextual() ? variable.path("type").asText() : null;
    String engineType = type == null ? inferred(value) : type.substring(0, 1).toUpperCase() + type.substring(1);
    if (!TYPES.get(field.type()).contains(engineType)) {
      problems.add(new Problem(field.name(), label, "debe ser de tipo " + field.type().declared() + "; se recibió "
          + (type == null ? "un valor " + engineType : "el tipo «" + type + "»")));
      return;
    }
    if (field.type() == TaskForm.Type.LIST) {
      rows(field, label, value, problems);
    } else if (field.type() == TaskForm.Type.DOCUMENT) {
      document(field, label, value, problems);
    }
  }

  private static void document(TaskForm.Field field, String label, JsonNode value, List<Problem> problems) {
    try {
      JsonNode document = value.isTextual() ? JSON.readTree(value.asText()) : null;
      if (document == null || !document.isObject()) {
        problems.add(new Problem(field.name(), label, "debe ser un documento JSON (un objeto)"));
      }
    } catch (JsonProcessingException e) {
      problems.add(new Problem(field.name(), label, "no es JSON válido"));
    }
  }

  /** The type the engine would give a value sent without one. */
  private static String inferred(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "Null";
    }
    if (value.isTextual()) {
      return "String";
    }
    if (value.isIntegralNumber()) {
      return "Integer";
    }
    if (value.isNumber()) {
      return "Double";
    }
    return value.isBoolean() ? "Boolean" : "Object";
  }

  private static void rows(TaskForm.Field field, String label, JsonNode value, List<Problem> problems) {
    JsonNode rows;
    try {
      rows = value.isTextual() ? JSON.readTree(value.asText()) : null;
    } catch (JsonProcessingException e) {
      problems.add(new Problem(field.name(), label, "no es JSON válido"));
      return;
    }
    if (rows == null || !rows.isArray()) {
      problems.add(new Problem(field.name(), label, "debe ser una lista de renglones en JSON"));
      return;
    }
    problems.addAll(field.rowProblems(rows, row -> label + ", renglón " + row));
  }
}
