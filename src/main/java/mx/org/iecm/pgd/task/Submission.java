package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The variables a task sees when it is completed, read the same way whether a value came from a
 * task form (strings, numbers, Spin JSON for lists) or from a Java caller (lists and maps).
 */
public final class Submission {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Object> variables;

  Submission(Function<String, Object> variables) {
    this.variables = variables;
  }

  static Submission of(Map<String, ?> values) {
    return new Submission(values::get);
  }

  public Object raw(String name) {
    return variables.apply(name);
  }

  public String text(String name) {
    Object value = raw(name);
    return value == null ? null : value.toString();
  }

  /** A list or object as JSON; {@link MissingNode} when absent, {@code null} when it is not JSON at all. */
  public JsonNode json(String name) {
    return toJson(raw(name));
  }

  public static JsonNode toJson(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof SpinJsonNode spin && spin.unwrap() instanceof JsonNode node) {
      // Spin already parsed it (with Jackson's defaults, as here): a copy, since the engine keeps the
      // value it read and callers may change theirs, costs less than printing and parsing it again.
      return node.deepCopy();
    }
    if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
      // A JSON value not deserialized yet, e.g. built with SpinValues before it reached the engine.
      return toJson(serializable.getValueSerialized());
    }
    if (value instanceof TypedValue typed) {
      return toJson(typed.getValue());
    }
    if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
      return JSON.valueToTree(value);
    }
    try {
      // Spin's JSON values and plain JSON text both print as JSON.
      return JSON.readTree(value.toString());
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
