package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import mx.org.iecm.pgd.measurement.IndicatorSheet;
import mx.org.iecm.pgd.measurement.Quantities;
import mx.org.iecm.pgd.task.Problems;

/**
 * What the measurement parts of a work program owe each other beyond the schema: weights that add up to
 * 100, one target per period of each indicator's frequency, thresholds in order, a baseline no later than
 * the fiscal year, and quarterly amounts that add up to the annual budget.
 */
final class ProgramSheet {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final List<String> QUARTERS = List.of("q1", "q2", "q3", "q4");
  private static final String BUDGET_LINES = "budgetLines";

  private ProgramSheet() {
  }

  /** Checks a document the schema accepted. */
  static void check(Problems problems, JsonNode document) {
    weights(problems, WorkProgram.rows(document, WorkProgram.ACTIVITIES));
    List<JsonNode> indicators = WorkProgram.rows(document, WorkProgram.INDICATORS);
    for (int i = 0; i < indicators.size(); i++) {
      indicator(problems, indicators.get(i), i);
    }
    budget(problems, document);
  }

  private static void weights(Problems problems, List<JsonNode> activities) {
    long weighted = activities.stream().filter(activity -> activity.path("weight").isNumber()).count();
    if (weighted == 0) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < activities.size(); i++) {
      JsonNode weight = activities.get(i).path("weight");
      if (weight.isNumber()) {
        sum = sum.add(weight.decimalValue());
      } else {
        add(problems, List.of(WorkProgram.ACTIVITIES, i, "weight"),
            "es obligatorio cuando otras actividades llevan peso; todas llevan uno o ninguna");
      }
    }
    if (weighted == activities.size() && sum.compareTo(HUNDRED) != 0) {
      add(problems, List.of(WorkProgram.ACTIVITIES), "los pesos de las actividades suman " + number(sum)
          + "; deben sumar 100");
    }
  }

  private static void indicator(Problems problems, JsonNode indicator, int index) {
    IndicatorSheet sheet = IndicatorSheet.of(indicator);
    JsonNode targets = indicator.path("targets");
    if (targets.isArray() && !targets.isEmpty() && targets.size() != sheet.periods()) {
      add(problems, List.of(WorkProgram.INDICATORS, index, "targets"), "debe traer " + sheet.periods()
          + (sheet.periods() == 1 ? " meta" : " metas, una por periodo de la frecuencia «" + sheet.frequency() + "»")
          + "; trae " + targets.size());
    }
    if (sheet.yellowFrom().compareTo(sheet.greenFrom()) >= 0) {
      add(problems, List.of(WorkProgram.INDICATORS, index, "yellowFrom"), "debe ser menor que «Verde desde» ("
          + number(sheet.greenFrom()) + " %)");
    }
    JsonNode baselineYear = indicator.path("baselineYear");
    if (baselineYear.isInt() && baselineYear.asInt() > problems.year()) {
      add(problems, List.of(WorkProgram.INDICATORS, index, "baselineYear"), "no puede ser posterior al año del"
          + " programa (" + problems.year() + ")");
    }
  }

  private static void budget(Problems problems, JsonNode document) {
    List<JsonNode> lines = WorkProgram.rows(document, BUDGET_LINES);
    if (lines.isEmpty() || !document.path("budget").isNumber()) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode line : lines) {
      for (String quarter : QUARTERS) {
        sum = sum.add(line.path(quarter).decimalValue());
      }
    }
    BigDecimal budget = document.path("budget").decimalValue();
    if (sum.compareTo(budget) != 0) {
      add(problems, List.of(BUDGET_LINES), "los montos trimestrales suman " + money(sum)
          + " y el presupuesto anual es " + money(budget) + "; deben coincidir");
    }
  }

  private static void add(Problems problems, List<Object> at, String message) {
    problems.add(WorkProgram.field(at), WorkProgram.labelOf(at), message);
  }

  private static String number(BigDecimal value) {
    return Quantities.number(value, 2);
  }

  private static String money(BigDecimal value) {
    return Quantities.money(value);
  }
}
