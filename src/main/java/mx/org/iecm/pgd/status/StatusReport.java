package mx.org.iecm.pgd.status;

import java.util.List;
import java.util.Map;

/**
 * The whole plan in one year: every line's status and the totals per policy, program and objective.
 */
public record StatusReport(String planCode, int year, List<LineStatus> lines, Totals totals,
    List<GroupTotals> policies, List<GroupTotals> programs, List<GroupTotals> objectives) {

  /**
   * Counts over a set of lines, and their achievement rolled up from every indicator measured in them
   * ({@code achievement}, {@code colour}; null when none was), with how many indicators are of each colour.
   */
  public record Totals(int lines, Map<String, Integer> byState, int overdueLines, int openCorrectiveActions,
      Double averageProgress, Double achievement, String colour, Map<String, Integer> indicatorsByColour) {
  }

  /** The totals of one policy, program or objective. */
  public record GroupTotals(String number, String text, Totals totals) {
  }
}
