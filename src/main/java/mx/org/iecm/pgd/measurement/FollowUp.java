package mx.org.iecm.pgd.measurement;

import java.math.BigDecimal;
import java.util.List;

/**
 * One progress report measured against the work program in force: the weighted progress against the
 * schedule, each indicator against its period's target, the money spent against what was authorised to
 * date, and, when any of them falls outside what the program tolerates, why (in Spanish).
 *
 * @param progressPercent the reported progress, each activity weighted as the program weighs it
 * @param expectedPercent the progress the schedule expected at the report's date, weighted the same way
 * @param indicators the indicators measured in the period
 * @param budget the spending to date, or {@code null} when the program authorises no budget per quarter
 * @param reasons why the report is a deviation; empty when it is not
 */
public record FollowUp(double progressPercent, double expectedPercent, List<IndicatorResult> indicators,
    Spending budget, List<String> reasons) {

  public FollowUp {
    indicators = List.copyOf(indicators);
    reasons = List.copyOf(reasons);
  }

  public boolean deviation() {
    return !reasons.isEmpty();
  }

  /**
   * One indicator's measurement: the value against the period's target, its achievement (percent) and
   * colour; target, achievement and colour are {@code null} in a period without a target of its own.
   */
  public record IndicatorResult(String name, BigDecimal target, BigDecimal value, BigDecimal achievement,
      Colour colour, boolean descending) {
  }

  /** What was spent to the report's date against the amount authorised up to the end of its quarter. */
  public record Spending(int quarter, BigDecimal authorised, BigDecimal spent, BigDecimal percent) {
  }
}
