package mx.org.iecm.pgd.task;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task form of forms/ as its HTML declares it: on its {@code <form>} element, the variables it writes
 * with their types ({@code pgd-task-form="goal:String activities:Json(name,start) budget:Double"}) and
 * those it only shows ({@code pgd-shows}); on its {@code <pgd-decision>} element, if it has one, the
 * decisions it offers, how people read them, and those that need no comments.
 */
public record TaskForm(String file, Map<String, Field> writes, List<String> shows, Decision decision) {

  /** How a written variable is sent: text, a number, or a list of rows (JSON) with named columns. */
  public enum Type {
    STRING("String"), NUMBER("Double"), LIST("Json");

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
  }

  /**
   * @param options each decision's value and label, in the form's order
   * @param withoutComments the decisions that need no comments
   */
  public record Decision(String label, Map<String, String> options, Set<String> withoutComments) {

    public String labelOf(String value) {
      return options.getOrDefault(value, value);
    }
  }

  public boolean decides() {
    return decision != null;
  }
}
