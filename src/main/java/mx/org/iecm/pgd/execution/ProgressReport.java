package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.planning.ProgramIndicators;
import mx.org.iecm.pgd.planning.ProgramRows;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.task.Problems;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A progress report: its rows listed from the program in force, the server's rules for them, and
 * the overall progress, which is always computed from the reported rows (no one sends it).
 */
final class ProgressReport {

  static final int LONG_TEXT_MAX = 4000;
  /** What the previous report said of each activity and indicator, shown beside the rows of a new one. */
  static final String PREVIOUS_REPORT = "previousReport";
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
    problems.links(ExecutionProcess.EVIDENCE_LINKS, "Enlaces a evidencias");
    problems.optionalText(ExecutionProcess.PROBLEMS, "Problemas encontrados", LONG_TEXT_MAX);
    JsonNode program = WorkProgram.of(problems);
    ProgramRows.same(problems, ExecutionProcess.ACTIVITY_PROGRESS, "Avance por actividad", "activity", "actividad",
        WorkProgram.rows(program, WorkProgram.ACTIVITIES));
    List<JsonNode> due = ProgramIndicators.dueIn(program, month(problems.value(ExecutionProcess.REPORT_DATE)));
    ProgramRows.same(problems, ExecutionProcess.INDICATOR_VALUES, "Valores de los indicadores", "indicator",
        "indicador que se mide en este periodo", due);
    ProgramRows.sameTargets(problems, ExecutionProcess.INDICATOR_VALUES, due);
  }

  /** The month a report's period ends in (12, all indicators, when the report has no date). */
  static int month(String reportDate) {
    if (reportDate == null) {
      return 12;
    }
    try {
      return OffsetDateTime.parse(reportDate).getMonthValue();
    } catch (DateTimeParseException e) {
      return 12;
    }
  }

  /**
   * A new report lists the activities of the program in force and the indicators due this period, with
   * nothing filled in; what the previous report said is shown beside each row as such
   * ({@value #PREVIOUS_REPORT}, a variable of the task), and the evidence and problems start empty.
   */
  static void prefill(DelegateTask task) {
    if (task.getVariableLocal(CycleVariables.RETURN_COMMENTS) != null) {
      return; // a returned report keeps what was reported
    }
    ObjectNode previous = JSON.createObjectNode();
    ObjectNode previousActivities = previous.putObject("activities");
    for (JsonNode row : rows(task, ExecutionProcess.ACTIVITY_PROGRESS)) {
      previousActivities.set(row.path("activity").asText(), row.path("percent"));
    }
    ObjectNode previousIndicators = previous.putObject("indicators");
    for (JsonNode row : rows(task, ExecutionProcess.INDICATOR_VALUES)) {
      previousIndicators.set(row.path("indicator").asText(), row.path("value"));
    }
    task.setVariableLocal(PREVIOUS_REPORT, SpinValues.jsonValue(previous.toString()).create());
    ObjectNode program = WorkProgram.of(task);
    ArrayNode progress = JSON.createArrayNode();
    for (JsonNode activity : WorkProgram.rows(program, WorkProgram.ACTIVITIES)) {
      progress.addObject().put("activity", activity.path("name").asText()).putNull("percent");
    }
    task.setVariable(ExecutionProcess.ACTIVITY_PROGRESS, SpinValues.jsonValue(progress.toString()).create());
    List<JsonNode> due = ProgramIndicators.dueIn(program, month((String) task.getVariable(ExecutionProcess.REPORT_DATE)));
    task.setVariable(ExecutionProcess.INDICATOR_VALUES,
        SpinValues.jsonValue(ProgramIndicators.rows(due).toString()).create());
    if (task.getVariable(ExecutionProcess.EVIDENCE_LINKS) != null) {
      task.setVariable(ExecutionProcess.EVIDENCE_LINKS, null);
    }
    if (task.getVariable(ExecutionProcess.PROBLEMS) != null) {
      task.setVariable(ExecutionProcess.PROBLEMS, null);
    }
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
