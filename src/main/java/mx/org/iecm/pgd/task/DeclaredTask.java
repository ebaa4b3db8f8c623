package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.web.RequestValues;

/**
 * A user task as the application knows it: its declaration ({@link UserTask}) and its form
 * ({@link TaskForm}). Whatever needs to know what a task is asks this.
 */
public record DeclaredTask(UserTask declaration, TaskForm form) {

  static final int COMMENTS_MAX = 2000;

  public String id() {
    return declaration.id();
  }

  public Role role() {
    return declaration.role();
  }

  /** Its completion decides on work someone else prepared (four eyes apply). */
  public boolean decides() {
    return form.decides();
  }

  /** Its decision is one of the SGCE's rulings, kept apart in the expediente. */
  public boolean rules() {
    return declaration.role() == Role.REVIEWER;
  }

  /** The variables a completion of this task may write. */
  public Map<String, TaskForm.Field> fields() {
    return form.writes();
  }

  /** Everything wrong with completing the task with these values in the cycle {@code cycle}. */
  public List<Problem> check(Submission submission, BusinessKey cycle) {
    Problems problems = new Problems(submission, cycle);
    for (TaskForm.Field field : form.writes().values()) {
      shape(field, submission, problems);
    }
    if (form.decides()) {
      problems.decision(form.decision(), COMMENTS_MAX);
    }
    declaration.checks().accept(problems);
    return problems.list();
  }

  /** Texts inside a document are texts too: no control characters (tabs and line breaks are text). */
  private static void controlCharacters(JsonNode node, String path, String name, Problems problems) {
    if (node.isTextual() && RequestValues.hasControlCharacters(node.asText())) {
      problems.add(path.isEmpty() ? name : path, name, "contiene caracteres de control; escriba solo texto");
    } else if (node.isObject()) {
      node.fields().forEachRemaining(entry -> controlCharacters(entry.getValue(),
          path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), name, problems));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        controlCharacters(node.get(i), path + "[" + (i + 1) + "]", name, problems);
      }
    }
  }

  /** What a form writes has the shape the form declares: a list's rows carry only its columns. */
  private static void shape(TaskForm.Field field, Submission submission, Problems problems) {
    Object value = submission.raw(field.name());
    if (value == null) {
      return;
    }
    switch (field.type()) {
      case STRING -> {
        if (!(value instanceof String)) {
          problems.add(field.name(), field.name(), "debe ser texto");
        } else if (RequestValues.hasControlCharacters((String) value)) {
          problems.add(field.name(), field.name(), "contiene caracteres de control; escriba solo texto");
        }
      }
      case NUMBER -> {
        if (!(value instanceof Number) && !(value instanceof String)) {
          problems.add(field.name(), field.name(), "debe ser un número");
        }
      }
      case LIST -> {
        JsonNode rows = Submission.toJson(value);
        if (rows == null || !rows.isArray()) {
          return; // the declaration's rules say it must be a list
        }
        field.rowProblems(rows, row -> field.name() + " " + row)
            .forEach(problem -> problems.add(problem.field(), problem.label(), problem.message()));
      }
      case DOCUMENT -> {
        JsonNode document = Submission.toJson(value);
        if (document != null && document.isObject()) {
          controlCharacters(document, "", field.name(), problems);
        }
      }
      default -> throw new IllegalStateException("Unknown field type " + field.type());
    }
  }
}
