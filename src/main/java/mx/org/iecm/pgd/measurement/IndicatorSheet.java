package mx.org.iecm.pgd.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the technical sheet of one indicator (an item of the work program's {@code indicators}) says about
 * measuring it: its direction, the calendar of its frequency, the target of each period and the
 * thresholds of its traffic light.
 *
 * @param name the indicator's name in the program
 * @param frequency the schema's frequency («mensual», «trimestral», «semestral», «anual»)
 * @param descending whether less is better
 * @param annualTarget the year's target
 * @param targets one target per period of the frequency, or empty when the sheet gives none
 * @param greenFrom achievement (percent of the target) from which the indicator is green
 * @param yellowFrom achievement from which it is yellow; below it, red
 */
public record IndicatorSheet(String name, String frequency, boolean descending, BigDecimal annualTarget,
    List<BigDecimal> targets, BigDecimal greenFrom, BigDecimal yellowFrom) {

  /** Green from 90 % of the target when the sheet does not say. */
  public static final BigDecimal DEFAULT_GREEN_FROM = BigDecimal.valueOf(90);
  /** Yellow from 70 % of the target when the sheet does not say. */
  public static final BigDecimal DEFAULT_YELLOW_FROM = BigDecimal.valueOf(70);
  /** How many months one period of each frequency covers. */
  static final Map<String, Integer> MONTHS = Map.of("mensual", 1, "trimestral", 3, "semestral", 6, "anual", 12);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /** An achievement beyond any threshold (a descending indicator that reached zero). */
  private static final BigDecimal FULLY_ACHIEVED = BigDecimal.valueOf(200);

  public IndicatorSheet {
    targets = List.copyOf(targets);
  }

  /** The sheet of an indicator of the program (a version 1 indicator reads with the defaults). */
  public static IndicatorSheet of(JsonNode indicator) {
    List<BigDecimal> targets = new ArrayList<>();
    indicator.path("targets").forEach(target -> targets.add(target.decimalValue()));
    return new IndicatorSheet(indicator.path("name").asText(), indicator.path("frequency").asText("anual"),
        "descendente".equals(indicator.path("direction").asText()),
        indicator.path("target").isNumber() ? indicator.path("target").decimalValue() : null, targets,
        number(indicator.path("greenFrom"), DEFAULT_GREEN_FROM), number(indicator.path("yellowFrom"), DEFAULT_YELLOW_FROM));
  }

  /** Periods in a year of the indicator's frequency: 12, 4, 2 or 1. */
  public int periods() {
    return 12 / monthsPerPeriod();
  }

  /** The period (from 1) that a measurement taken at the end of {@code month} (1–12) belongs to. */
  public int periodOf(int month) {
    return (month + monthsPerPeriod() - 1) / monthsPerPeriod();
  }

  /** Whether the indicator is measured in a report whose period ends in {@code month}. */
  public boolean dueIn(int month) {
    return month % monthsPerPeriod() == 0;
  }

  /**
   * The target the indicator is judged against in {@code month}: the period's, when the sheet sets one per
   * period; otherwise the annual target, and only at the year's last measurement.
   */
  public Optional<BigDecimal> targetFor(int month) {
    if (targets.size() == periods()) {
      return Optional.of(targets.get(periodOf(month) - 1));
    }
    return periodOf(month) == periods() ? Optional.ofNullable(annualTarget) : Optional.empty();
  }

  /** The target a report shows beside the value: the period's, or the annual one when there is none. */
  public BigDecimal targetShown(int month) {
    return targetFor(month).orElse(annualTarget);
  }

  /**
   * How much of the target {@code value} achieves, in percent with one decimal: value ÷ target for an
   * ascending indicator, target ÷ value for a descending one (reaching zero, or a target of zero met, is
   * full achievement).
   */
  public BigDecimal achievement(BigDecimal value, BigDecimal target) {
    BigDecimal numerator = descending ? target : value;
    BigDecimal denominator = descending ? value : target;
    if (denominator.signum() == 0) {
      boolean met = descending ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
      return met ? (target.signum() == 0 ? HUNDRED : FULLY_ACHIEVED).setScale(1) : BigDecimal.ZERO.setScale(1);
    }
    return numerator.multiply(HUNDRED).divide(denominator, 1, RoundingMode.HALF_UP).max(BigDecimal.ZERO.setScale(1));
  }

  /** The colour of an achievement: green from {@link #greenFrom}, yellow from {@link #yellowFrom}, red below. */
  public Colour colour(BigDecimal achievement) {
    if (achievement.compareTo(greenFrom) >= 0) {
      return Colour.GREEN;
    }
    return achievement.compareTo(yellowFrom) >= 0 ? Colour.YELLOW : Colour.RED;
  }

  private int monthsPerPeriod() {
    return MONTHS.getOrDefault(frequency, 12);
  }

  private static BigDecimal number(JsonNode node, BigDecimal fallback) {
    return node.isNumber() ? node.decimalValue() : fallback;
  }
}
