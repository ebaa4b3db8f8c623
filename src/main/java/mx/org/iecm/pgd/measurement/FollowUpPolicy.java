package mx.org.iecm.pgd.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a progress report against the work program in force, as the institute's follow-up does: a
 * report is a deviation when the weighted progress falls behind the schedule by more than the tolerance
 * (points), when an indicator is red in its period, or when the money spent to date exceeds what was
 * authorised up to the end of the quarter by more than the spending tolerance (percent).
 *
 * <p>Expected progress of an activity at a date is the share of its planned days already elapsed. Each
 * activity counts with its weight; without weights in the program every activity weighs the same.
 */
public final class FollowUpPolicy {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final double tolerancePoints;
  private final double spendingTolerancePercent;

  public FollowUpPolicy(double tolerancePoints, double spendingTolerancePercent) {
    if (tolerancePoints < 0 || tolerancePoints > 100) {
      throw new IllegalArgumentException("pgd.execution.deviation-tolerance debe estar entre 0 y 100 puntos");
    }
    if (spendingTolerancePercent < 0 || spendingTolerancePercent > 100) {
      throw new IllegalArgumentException("pgd.execution.spending-tolerance debe estar entre 0 y 100 por ciento");
    }
    this.tolerancePoints = tolerancePoints;
    this.spendingTolerancePercent = spendingTolerancePercent;
  }

  /**
   * The report measured: {@code activityProgress} rows (activity, percent), {@code indicatorValues} rows
   * (indicator, value) and {@code budgetSpent} rows (item, spent: what the expense item has spent so far),
   * at {@code date}, the end of the report's period.
   */
  public FollowUp measure(JsonNode program, LocalDate date, JsonNode activityProgress, JsonNode indicatorValues,
      JsonNode budgetSpent) {
    List<String> reasons = new ArrayList<>();
    double progress = weightedProgress(program, activityProgress);
    double expected = expectedPercent(program, date);
    if (expected - progress > tolerancePoints) {
      reasons.add("Avance ponderado de " + decimal(progress) + " % frente a " + decimal(expected)
          + " % programado al " + date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear() + ": "
          + decimal(expected - progress) + " puntos por debajo (tolerancia: " + decimal(tolerancePoints) + ").");
    }
    List<FollowUp.IndicatorResult> indicators = indicators(program, date.getMonthValue(), indicatorValues);
    for (FollowUp.IndicatorResult indicator : indicators) {
      if (indicator.colour() == Colour.RED) {
        reasons.add("Indicador «" + indicator.name() + "» en rojo: " + number(indicator.value()) + " frente a la meta"
            + " del periodo de " + number(indicator.target()) + " (" + decimal(indicator.achievement().doubleValue())
            + " % de cumplimiento" + (indicator.descending() ? ", indicador descendente" : "") + ").");
      }
    }
    FollowUp.Spending spending = spending(program, date.getMonthValue(), budgetSpent);
    if (spending != null && spending.spent().compareTo(spending.authorised()
        .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(spendingTolerancePercent).divide(HUNDRED)))) > 0) {
      reasons.add("Presupuesto ejercido de " + money(spending.spent()) + " frente a " + money(spending.authorised())
          + " autorizados hasta el trimestre " + spending.quarter() + " ("
          + (spending.percent() == null ? "sin monto autorizado" : decimal(spending.percent().doubleValue()) + " %")
          + "; tolerancia: " + decimal(spendingTolerancePercent) + " %).");
    }
    return new FollowUp(progress, expected, indicators, spending, reasons);
  }

  /** The reported progress with each activity weighted as the program weighs it, one decimal. */
  public static double weightedProgress(JsonNode program, JsonNode activityProgress) {
    Map<String, BigDecimal> reported = new HashMap<>();
    if (activityProgress != null && activityProgress.isArray()) {
      activityProgress.forEach(row -> reported.put(row.path("activity").asText(),
          row.path("percent").isNumber() ? row.path("percent").decimalValue() : BigDecimal.ZERO));
    }
    List<JsonNode> activities = list(program, "activities");
    if (activities.isEmpty()) {
      return mean(reported.values());
    }
    List<BigDecimal> weight = weights(activities);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (int i = 0; i < activities.size(); i++) {
      sum = sum.add(weight.get(i).multiply(reported.getOrDefault(activities.get(i).path("name").asText(),
          BigDecimal.ZERO)));
      weights = weights.add(weight.get(i));
    }
    return weights.signum() == 0 ? 0 : sum.divide(weights, 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** The progress the schedule expects at {@code date}, each activity weighted, one decimal. */
  public static double expectedPercent(JsonNode program, LocalDate date) {
    List<JsonNode> activities = list(program, "activities");
    List<BigDecimal> weight = weights(activities);
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < activities.size(); i++) {
      JsonNode activity = activities.get(i);
      LocalDate start = LocalDate.parse(activity.path("start").asText().substring(0, 10));
      LocalDate end = LocalDate.parse(activity.path("end").asText().substring(0, 10));
      long planned = ChronoUnit.DAYS.between(start, end) + 1;
      long elapsed = ChronoUnit.DAYS.between(start, date) + 1;
      sum += weight.get(i).doubleValue() * Math.max(0, Math.min(1, (double) elapsed / planned));
      weights += weight.get(i).doubleValue();
    }
    return weights == 0 ? 0 : Math.round(sum / weights * 1000) / 10.0;
  }

  /** Each reported indicator value (rows: indicator, value) against its target in a period ending in {@code month}. */
  public static List<FollowUp.IndicatorResult> indicators(JsonNode program, int month, JsonNode values) {
    Map<String, IndicatorSheet> sheets = new HashMap<>();
    list(program, "indicators").forEach(indicator -> sheets.put(indicator.path("name").asText(),
        IndicatorSheet.of(indicator)));
    List<FollowUp.IndicatorResult> results = new ArrayList<>();
    if (values == null || !values.isArray()) {
      return results;
    }
    for (JsonNode row : values) {
      IndicatorSheet sheet = sheets.get(row.path("indicator").asText());
      if (sheet == null || !row.path("value").isNumber()) {
        continue;
      }
      BigDecimal value = row.path("value").decimalValue();
      BigDecimal target = sheet.targetFor(month).orElse(null);
      BigDecimal achievement = target == null ? null : sheet.achievement(value, target);
      results.add(new FollowUp.IndicatorResult(sheet.name(), target == null ? sheet.annualTarget() : target, value,
          achievement, achievement == null ? null : sheet.colour(achievement), sheet.descending()));
    }
    return results;
  }

  /** Spending to date against the amounts authorised for the quarters up to the report's; null without them. */
  private static FollowUp.Spending spending(JsonNode program, int month, JsonNode spent) {
    List<JsonNode> lines = list(program, "budgetLines");
    if (lines.isEmpty()) {
      return null;
    }
    int quarter = (month + 2) / 3;
    BigDecimal authorised = authorisedToDate(lines, month).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = BigDecimal.ZERO;
    if (spent != null && spent.isArray()) {
      for (JsonNode row : spent) {
        total = total.add(row.path("spent").isNumber() ? row.path("spent").decimalValue() : BigDecimal.ZERO);
      }
    }
    BigDecimal percent = authorised.signum() == 0 ? null
        : total.multiply(HUNDRED).divide(authorised, 1, RoundingMode.HALF_UP);
    return new FollowUp.Spending(quarter, authorised, total, percent);
  }

  /**
   * Each expense item's amount authorised for the quarters up to the one {@code month} (1–12) falls in,
   * by item, in the program's order.
   */
  public static Map<String, BigDecimal> authorisedToDate(List<JsonNode> budgetLines, int month) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    int quarter = (month + 2) / 3;
    for (JsonNode line : budgetLines) {
      BigDecimal amount = BigDecimal.ZERO;
      for (int q = 1; q <= quarter; q++) {
        amount = amount.add(line.path("q" + q).decimalValue());
      }
      amounts.put(line.path("item").asText(), amount);
    }
    return amounts;
  }

  /** Each activity's weight, in order; every activity weighs 1 when the program gives no weights. */
  private static List<BigDecimal> weights(List<JsonNode> activities) {
    boolean weighted = activities.stream().anyMatch(activity -> activity.path("weight").isNumber());
    return activities.stream().map(activity -> !weighted ? BigDecimal.ONE
        : activity.path("weight").isNumber() ? activity.path("weight").decimalValue() : BigDecimal.ZERO).toList();
  }

  private static double mean(java.util.Collection<BigDecimal> values) {
    if (values.isEmpty()) {
      return 0;
    }
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP).doubleValue();
  }

  private static List<JsonNode> list(JsonNode program, String name) {
    List<JsonNode> rows = new ArrayList<>();
    if (program != null && program.path(name).isArray()) {
      program.path(name).forEach(rows::add);
    }
    return rows;
  }

  private static String decimal(double value) {
    return Quantities.oneDecimal(value);
  }

  private static String number(BigDecimal value) {
    return Quantities.number(value, 4);
  }

  private static String money(BigDecimal value) {
    return Quantities.money(value);
  }
}
