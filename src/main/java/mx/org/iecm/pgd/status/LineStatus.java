package mx.org.iecm.pgd.status;

import java.time.Instant;
import java.util.List;

/**
 * Where one action line stands in a year, as the status API answers it.
 */
public record LineStatus(
    String actionLineId,
    String text,
    String policy,
    String program,
    String objective,
    String responsibleArea,
    String responsibleAreaName,
    String businessKey,
    String processInstanceId,
    String state,
    String stateLabel,
    List<OpenTask> openTasks,
    boolean overdue,
    long overdueDays,
    Double progressPercent,
    List<IndicatorValue> indicators,
    Double achievement,
    String colour,
    int openCorrectiveActions) {

  /** A task of the line waiting for someone; {@code groupNames} are its groups as people read them. */
  public record OpenTask(String taskId, String name, List<String> groups, List<String> groupNames, String assignee,
      Instant created, Instant due, long overdueDays) {
  }

  /**
   * The last reported value of an indicator against its target, with its achievement (percent) and colour
   * («verde», «amarillo», «rojo») when the period had a target of its own.
   */
  public record IndicatorValue(String indicator, Double target, Double value, Double achievement, String colour) {
  }
}
