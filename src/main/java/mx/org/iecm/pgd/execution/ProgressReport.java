package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.planning.ProgramIndicators;
import mx.org.iecm.pgd.task.Problems;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A progress report: its rows prefilled from the approved program, the server's rules for them, and
 * the overall progress, which is always computed from the reported rows (no one sends it).
 */
final class ProgressReport {

  static final int LONG_TEXT_MAX = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressReport() {
  }

  static void check(Problems problems) {
    problems.rows(ExecutionProcess.ACTIVITY_PROGRESS, "Avance por actividad", "Actividad", 1, row -> {
      row.text("activity", "Actividad", 300);
      row.number("percent", "% de avance", true, BigDecimal.ZERO, BigDecimal.valueOf(100));
    });
    problems.rows(ExecutionProcess.INDICATOR_VALUES, "Valores de los indicadores", "Indicador", 0, row -> {
      row.text("indicator", "Indicador", 200);
      row.number("value", "Valor alcanzado", true, null, null);
    });
    problems.links(ExecutionProcess.EVIDENCE_LINKS, "Evidencias");
    problems.optionalText(ExecutionProcess.PROBLEMS, "Problemas encontrados", LONG_TEXT_MAX);
    sameActivitiesAsTheProgram(problems);
  }

  /**
   * A report measures the program in force: one row per activity of it, each named as the program names
   * it, none left out and none added (dropping a late activity would raise the average).
   */
  static void sameActivitiesAsTheProgram(Problems problems) {
    List<String> program = names(problems.json(CycleVariables.ACTIVITIES), "name");
    JsonNode rows = problems.json(ExecutionProcess.ACTIVITY_PROGRESS);
    if (program.isEmpty() || rows == null || !rows.isArray()) {
      return;
    }
    List<String> reported = names(rows, "activity");
    List<String> missing = program.stream().filter(name -> !reported.contains(name)).toList();
    List<String> extra = reported.stream().filter(name -> !program.contains(name)).distinct().toList();
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
      problems.add(ExecutionProcess.ACTIVITY_PROGRESS, "Avance por actividad", "debe traer una fila por cada"
          + " actividad del programa vigente, con su nombre: " + String.join("; ", found));
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

  /** A new report lists the program's activities (with the last reported percentages) and indicators. */
  static void prefill(DelegateTask task) {
    if (task.getVariableLocal(CycleVariables.RETURN_COMMENTS) != null) {
      return; // a returned report keeps what was reported
    }
    Map<String, JsonNode> previous = new HashMap<>();
    for (JsonNode row : rows(task, ExecutionProcess.ACTIVITY_PROGRESS)) {
      previous.put(row.path("activity").asText(), row.path("percent"));
    }
    ArrayNode progress = JSON.createArrayNode();
    for (JsonNode activity : rows(task, CycleVariables.ACTIVITIES)) {
      String name = activity.path("name").asText();
      ObjectNode row = progress.addObject().put("activity", name);
      JsonNode percent = previous.get(name);
      row.set("percent", percent == null || percent.isMissingNode() ? JSON.getNodeFactory().numberNode(0) : percent);
    }
    task.setVariable(ExecutionProcess.ACTIVITY_PROGRESS, SpinValues.jsonValue(progress.toString()).create());
    task.setVariable(ExecutionProcess.INDICATOR_VALUES, SpinValues.jsonValue(ProgramIndicators.toReport(task).toString()).create());
  }

  /** Records the overall progress and a short copy of the indicator values, both from the report itself. */
  static void record(VariableScope execution, Submission report) {
    execution.setVariable(CycleVariables.PROGRESS_PERCENT, overall(report.json(ExecutionProcess.ACTIVITY_PROGRESS)));
    // A short text copy of the indicator values (kept inline in the engine's variable table), which the
    // status overview reads for every line in one query.
    JsonNode values = report.json(ExecutionProcess.INDICATOR_VALUES);
    if (values != null && values.isArray()) {
      String summary = values.toString();
      execution.setVariable(CycleVariables.INDICATOR_SUMMARY, summary.length() <= 3900 ? summary : "[]");
    }
  }

  /** Mean of the activities' percentages, one decimal. */
  static double overall(JsonNode rows) {
    if (rows == null || !rows.isArray() || rows.isEmpty()) {
      return 0;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode row : rows) {
      JsonNode percent = row.path("percent");
      sum = sum.add(percent.isNumber() ? percent.decimalValue() : BigDecimal.ZERO);
    }
    return sum.divide(BigDecimal.valueOf(rows.size()), 1, RoundingMode.HALF_UP).doubleValue();
  }

  static Iterable<JsonNode> rows(VariableScope scope, String name) {
    JsonNode node = Submission.toJson(scope.getVariable(name));
    return node != null && node.isArray() ? node : JSON.createArrayNode();
  }
}
