package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether reported progress is behind the approved schedule by more than the tolerance.
 *
 * <p>Expected progress of an activity at a date is the share of its planned days already elapsed;
 * the line's expected progress is the mean over its activities, compared with the mean reported.
 */
public final class DeviationPolicy {

  private final double tolerancePoints;

  public DeviationPolicy(double tolerancePoints) {
    if (tolerancePoints < 0 || tolerancePoints > 100) {
      throw new IllegalArgumentException("pgd.execution.deviation-tolerance debe estar entre 0 y 100 puntos");
    }
    this.tolerancePoints = tolerancePoints;
  }

  /** Expected percent (0–100, one decimal) of the program's activities at {@code date}. */
  public double expectedPercent(JsonNode activities, LocalDate date) {
    if (activities == null || !activities.isArray() || activities.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (JsonNode activity : activities) {
      LocalDate start = LocalDate.parse(activity.path("start").asText().substring(0, 10));
      LocalDate end = LocalDate.parse(activity.path("end").asText().substring(0, 10));
      long planned = ChronoUnit.DAYS.between(start, end) + 1;
      long elapsed = ChronoUnit.DAYS.between(start, date) + 1;
      sum += Math.max(0, Math.min(1, (double) elapsed / planned));
    }
    return Math.round(sum / activities.size() * 1000) / 10.0;
  }

  public boolean isDeviation(double expectedPercent, double reportedPercent) {
    return expectedPercent - reportedPercent > tolerancePoints;
  }
}
