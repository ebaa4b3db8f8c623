package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.measurement.IndicatorSheet;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The indicators of the work program in force, as rows for a report to fill in. */
public final class ProgramIndicators {

  private ProgramIndicators() {
  }

  /** One row per indicator of the program: its name and target, and no value yet (the year's results). */
  public static ArrayNode toReport(VariableScope scope) {
    return rows(WorkProgram.rows(WorkProgram.of(scope), WorkProgram.INDICATORS));
  }

  /**
   * The indicators measured in a period that ends in {@code month} (1–12): a monthly one in every report,
   * a quarterly one in March, June, September and December, a half-yearly one in June and December, an
   * annual one in December.
   */
  public static List<JsonNode> dueIn(JsonNode program, int month) {
    return WorkProgram.rows(program, WorkProgram.INDICATORS).stream()
        .filter(indicator -> IndicatorSheet.of(indicator).dueIn(month))
        .toList();
  }

  /** The annual target of each indicator, by name (indicators without one are left out). */
  public static Map<String, BigDecimal> annualTargets(List<JsonNode> indicators) {
    Map<String, BigDecimal> targets = new LinkedHashMap<>();
    indicators.forEach(indicator -> {
      if (indicator.path("target").isNumber()) {
        targets.put(indicator.path("name").asText(), indicator.path("target").decimalValue());
      }
    });
    return targets;
  }

  /** Rows of a report, one per indicator given: its name and annual target, and no value yet. */
  public static ArrayNode rows(List<JsonNode> indicators) {
    ArrayNode rows = WorkProgram.array();
    for (JsonNode indicator : indicators) {
      ObjectNode row = rows.addObject().put("indicator", indicator.path("name").asText());
      row.set("target", indicator.path("target"));
      row.putNull("value");
    }
    return rows;
  }
}
