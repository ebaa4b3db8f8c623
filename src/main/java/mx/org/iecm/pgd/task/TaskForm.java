package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A task form of forms/ as its HTML declares it: on its {@code <form>} element, the variables it writes
 * with their types ({@code pgd-task-form="reason:String rows:Json(name,start) workProgram:Json"}) and
 * those it only shows ({@code pgd-shows}); on its {@code <pgd-decision>} element, if it has one, the
 * decisions it offers, how people read them, and those that need no comments.
 */
public record TaskForm(String file, Map<String, Field> writes, List<String> shows, Decision decision) {

  /**
   * How a written variable is sent: text, a number, a list of rows (JSON) with named columns, or a
   * document (one JSON object whose shape its task's rules check, e.g. the work program's schema).
   */
  public enum Type {
    STRING("String"), NUMBER("Double"), LIST("Json"), DOCUMENT("Json");

    private final String declared;

    Type(String declared) {
      this.declared = declared;
    }

    /** As the form declares it, which is also the engine's variable type the form sends. */
    public String declared() {
      return declared;
    }
  }

  public record Field(String name, Type type, List<String> columns) {

    /**
     * What is wrong with a list's rows: a row that is not a row, a column the form does not have, a cell
     * that is not a single value. {@code rowLabel} names row {@code n} as the caller's messages do.
     */
    List<Problem> rowProblems(JsonNode rows, IntFunction<String> rowLabel) {
      List<Problem> problems = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        JsonNode row = rows.get(i);
        String path = name + "[" + (i + 1) + "]";
        if (!row.isObject()) {
          problems.add(new Problem(path, rowLabel.apply(i + 1), "debe ser un renglón con columnas"));
          continue;
        }
        for (Iterator<Map.Entry<String, JsonNode>> cells = row.fields(); cells.hasNext(); ) {
          Map.Entry<String, JsonNode> cell = cells.next();
          if (!columns.contains(cell.getKey())) {
            problems.add(new Problem(path + "." + cell.getKey(), rowLabel.apply(i + 1),
                "la columna «" + cell.getKey() + "» no es de este formulario"));
          } else if (cell.getValue().isContainerNode()) {
            problems.add(new Problem(path + "." + cell.getKey(), rowLabel.apply(i + 1),
                "«" + cell.getKey() + "» debe ser un valor, no una lista ni un objeto"));
          }
        }
      }
      return problems;
    }
  }

  /**
   * @param options each decision's value and label, in the form's order
   * @param withoutComments the decisions that need no comments
   * @param recorded each decision as the record reads it once taken («Aprobado», «Devuelto»)
   */
  public record Decision(String label, Map<String, String> options, Set<String> withoutComments,
      Map<String, String> recorded) {

    public String labelOf(String value) {
      return options.getOrDefault(value, value);
    }

    /** A decision taken, as the expediente reads it: «Aprobado», «Conforme con observaciones». */
    public String recordedLabelOf(String value) {
      return recorded.getOrDefault(value, labelOf(value));
    }
  }

  public boolean decides() {
    return decision != null;
  }
}
