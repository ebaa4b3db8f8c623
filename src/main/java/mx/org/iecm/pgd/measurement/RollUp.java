package mx.org.iecm.pgd.measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Achievement rolled up from indicators to a line, a program, an objective or a policy: the mean of the
 * achievements of every indicator measured in the group, so a line weighs as many indicators as it has.
 * Each indicator counts at most {@value #CAP} %: one target far exceeded does not hide another one missed.
 */
public final class RollUp {

  /** The most one indicator's achievement counts for in a roll-up, in percent. */
  public static final int CAP = 100;

  private RollUp() {
  }

  /** The mean of the achievements (each capped at {@value #CAP} %), one decimal; null when there are none. */
  public static Double achievement(Collection<Double> achievements) {
    if (achievements.isEmpty()) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Double achievement : achievements) {
      sum = sum.add(BigDecimal.valueOf(Math.min(CAP, achievement)));
    }
    return sum.divide(BigDecimal.valueOf(achievements.size()), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** The colour of a rolled-up achievement, with the default thresholds of a technical sheet; null for none. */
  public static Colour colour(Double achievement) {
    if (achievement == null) {
      return null;
    }
    BigDecimal value = BigDecimal.valueOf(achievement);
    if (value.compareTo(IndicatorSheet.DEFAULT_GREEN_FROM) >= 0) {
      return Colour.GREEN;
    }
    return value.compareTo(IndicatorSheet.DEFAULT_YELLOW_FROM) >= 0 ? Colour.YELLOW : Colour.RED;
  }
}
