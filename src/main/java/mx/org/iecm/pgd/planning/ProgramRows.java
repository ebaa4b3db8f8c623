package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.task.Problems;

/** What every report's rows owe the work program in force: its rows, by name, with its targets. */
public final class ProgramRows {

  private ProgramRows() {
  }

  /**
   * A report measures the program in force: one row per activity (or indicator due) of it, each named as
   * the program names it, none left out and none added (dropping a late activity would raise the average;
   * leaving out an unmet indicator would hide it).
   */
  public static void same(Problems problems, String field, String label, String column, String what,
      List<JsonNode> program) {
    JsonNode rows = problems.json(field);
    if (rows == null || (!rows.isArray() && !rows.isMissingNode())) {
      return; // the rows' own check says it must be a list
    }
    List<String> expected = program.stream().map(row -> row.path("name").asText("")).toList();
    List<String> reported = names(rows, column);
    List<String> missing = expected.stream().filter(name -> !reported.contains(name)).toList();
    List<String> extra = reported.stream().filter(name -> !expected.contains(name)).distinct().toList();
    List<String> repeated = reported.stream().filter(name -> reported.indexOf(name) != reported.lastIndexOf(name))
        .distinct().toList();
    List<String> found = new ArrayList<>();
    if (!missing.isEmpty()) {
      found.add("faltan " + quoted(missing));
    }
    if (!extra.isEmpty()) {
      found.add("no son del programa vigente " + quoted(extra));
    }
    if (!repeated.isEmpty()) {
      found.add("se repiten " + quoted(repeated));
    }
    if (!found.isEmpty()) {
      problems.add(field, label, "debe traer una fila por cada " + what + " del programa vigente, con su nombre: "
          + String.join("; ", found));
    }
  }

  /**
   * A column the program fixes (an indicator's target in the period, an item's authorised amount) is the
   * program's: a report may leave it out but not move it.
   */
  public static void sameValues(Problems problems, String field, String keyColumn, String valueColumn,
      String rowLabel, String valueLabel, String what, Map<String, BigDecimal> expected) {
    JsonNode rows = problems.json(field);
    if (rows == null || !rows.isArray()) {
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      BigDecimal value = expected.get(row.path(keyColumn).asText());
      JsonNode sent = row.path(valueColumn);
      if (value != null && !sent.isMissingNode() && !sent.isNull()
          && (!sent.isNumber() || sent.decimalValue().compareTo(value) != 0)) {
        problems.add(field + "[" + (i + 1) + "]." + valueColumn, rowLabel + " " + (i + 1) + " – " + valueLabel,
            what + " «" + row.path(keyColumn).asText() + "» en el programa vigente es " + value.toPlainString()
                + "; se recibió «" + sent.asText() + "»");
      }
    }
  }

  private static List<String> names(JsonNode rows, String column) {
    List<String> names = new ArrayList<>();
    if (rows != null && rows.isArray()) {
      rows.forEach(row -> names.add(row.path(column).asText("")));
    }
    return names;
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(name -> "«" + name + "»").toList());
  }
}
