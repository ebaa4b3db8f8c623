package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.measurement.FollowUp;
import mx.org.iecm.pgd.measurement.FollowUpPolicy;
import mx.org.iecm.pgd.measurement.IndicatorSheet;
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
  static final String BUDGET_LINES = "budgetLines";
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
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
    problems.rows(ExecutionProcess.BUDGET_SPENT, "Presupuesto ejercido", "Partida", 0, row -> {
      row.text("item", "Partida presupuestal", 200);
      row.number("spent", "Ejercido acumulado (MXN)", true, BigDecimal.ZERO, MAX_AMOUNT);
    });
    problems.links(ExecutionProcess.EVIDENCE_LINKS, "Enlaces a evidencias");
    problems.optionalText(ExecutionProcess.PROBLEMS, "Problemas encontrados", LONG_TEXT_MAX);
    JsonNode program = WorkProgram.of(problems);
    ProgramRows.same(problems, ExecutionProcess.ACTIVITY_PROGRESS, "Avance por actividad", "activity", "actividad",
        WorkProgram.rows(program, WorkProgram.ACTIVITIES));
    int month = month(problems.value(ExecutionProcess.REPORT_DATE));
    List<JsonNode> due = ProgramIndicators.dueIn(program, month);
    ProgramRows.same(problems, ExecutionProcess.INDICATOR_VALUES, "Valores de los indicadores", "indicator",
        "indicador que se mide en este periodo", due);
    ProgramRows.sameValues(problems, ExecutionProcess.INDICATOR_VALUES, "indicator", "target", "Indicador", "Meta",
        "la meta de", targets(due, month));
    List<JsonNode> budgetLines = WorkProgram.rows(program, BUDGET_LINES);
    ProgramRows.same(problems, ExecutionProcess.BUDGET_SPENT, "Presupuesto ejercido", "item", "partida",
        budgetLines.stream().map(line -> (JsonNode) JSON.createObjectNode().put("name", line.path("item").asText()))
            .toList());
    ProgramRows.sameValues(problems, ExecutionProcess.BUDGET_SPENT, "item", "authorised", "Partida",
        "Autorizado al trimestre (MXN)", "el monto autorizado hasta el trimestre de", authorised(budgetLines, month));
  }

  /** Each due indicator's target in the period ending in {@code month}, by name. */
  static Map<String, BigDecimal> targets(List<JsonNode> due, int month) {
    Map<String, BigDecimal> targets = new LinkedHashMap<>();
    due.forEach(indicator -> targets.put(indicator.path("name").asText(),
        IndicatorSheet.of(indicator).targetShown(month)));
    return targets;
  }

  /** Each expense item's amount authorised for the quarters up to the one {@code month} falls in, by item. */
  static Map<String, BigDecimal> authorised(List<JsonNode> budgetLines, int month) {
    return FollowUpPolicy.authorisedToDate(budgetLines, month);
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
    int month = month((String) task.getVariable(ExecutionProcess.REPORT_DATE));
    ArrayNode values = JSON.createArrayNode();
    targets(ProgramIndicators.dueIn(program, month), month).forEach((indicator, target) -> {
      ObjectNode row = values.addObject().put("indicator", indicator);
      row.put("target", target);
      row.putNull("value");
    });
    task.setVariable(ExecutionProcess.INDICATOR_VALUES, SpinValues.jsonValue(values.toString()).create());
    // One row per expense item of the program (none when it authorises no budget per quarter).
    ArrayNode spent = JSON.createArrayNode();
    authorised(WorkProgram.rows(program, BUDGET_LINES), month).forEach((item, amount) ->
        spent.addObject().put("item", item).put("authorised", amount).putNull("spent"));
    task.setVariable(ExecutionProcess.BUDGET_SPENT, SpinValues.jsonValue(spent.toString()).create());
    if (task.getVariable(ExecutionProcess.EVIDENCE_LINKS) != null) {
      task.setVariable(ExecutionProcess.EVIDENCE_LINKS, null);
    }
    if (task.getVariable(ExecutionProcess.PROBLEMS) != null) {
      task.setVariable(ExecutionProcess.PROBLEMS, null);
    }
  }

  /**
   * Records the overall progress (each activity weighted as the program weighs it) and a short copy of the
   * indicators measured (value, target, achievement, colour), both from the report itself and the program.
   */
  static void record(VariableScope execution, Submission report) {
    JsonNode program = WorkProgram.of(execution);
    execution.setVariable(CycleVariables.PROGRESS_PERCENT,
        FollowUpPolicy.weightedProgress(program, report.json(ExecutionProcess.ACTIVITY_PROGRESS)));
    // A short text copy of the measured indicators (kept inline in the engine's variable table), which the
    // status overview and its roll-up read for every line in one query.
    JsonNode values = report.json(ExecutionProcess.INDICATOR_VALUES);
    if (values != null && values.isArray()) {
      ArrayNode summary = JSON.createArrayNode();
      for (FollowUp.IndicatorResult result : FollowUpPolicy.indicators(program,
          month((String) execution.getVariable(ExecutionProcess.REPORT_DATE)), values)) {
        ObjectNode row = summary.addObject().put("indicator", result.name());
        row.put("target", result.target());
        row.put("value", result.value());
        row.put("achievement", result.achievement());
        row.put("colour", result.colour() == null ? null : result.colour().label());
      }
      String text = summary.toString();
      execution.setVariable(CycleVariables.INDICATOR_SUMMARY, text.length() <= 3900 ? text : "[]");
    }
  }

  static Iterable<JsonNode> rows(VariableScope scope, String name) {
    JsonNode node = Submission.toJson(scope.getVariable(name));
    return node != null && node.isArray() ? node : JSON.createArrayNode();
  }
}
