package mx.org.iecm.pgd.routing;

import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks and the matching escalation timers, by task kind ({@code draft},
 * {@code review}, {@code report}, {@code implementation}). The diagrams call it with the engine's
 * own clock: {@code camunda:dueDate="${deadlines.dueDate(now(), 'review')}"} and a boundary timer
 * {@code ${deadlines.duration('review')}}, so both move with the engine clock in tests.
 */
@Component("deadlines")
public class Deadlines {

  private final DeadlineProperties properties;

  public Deadlines(DeadlineProperties properties) {
    this.properties = properties;
  }

  public Date dueDate(Date now, String kind) {
    return Date.from(now.toInstant().plus(Duration.ofDays(days(kind))));
  }

  /** ISO-8601 duration for the task's escalation timer, e.g. {@code P5D}. */
  public String duration(String kind) {
    return "P" + days(kind) + "D";
  }

  public int days(String kind) {
    return switch (kind) {
      case "draft" -> properties.draftDays();
      case "review" -> properties.reviewDays();
      case "report" -> properties.reportDays();
      case "implementation" -> properties.implementationDays();
      default -> throw new IllegalArgumentException("Unknown task kind " + kind);
    };
  }
}
