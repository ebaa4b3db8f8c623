package mx.org.iecm.pgd.routing;

import java.time.Duration;
import java.util.Date;
import mx.org.iecm.pgd.task.DeadlineKind;
import mx.org.iecm.pgd.task.UserTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks and the matching escalation timers, by the deadline kind each task declares.
 * The diagrams call it with the engine's own clock and the execution, the same way for every task:
 * {@code camunda:dueDate="${deadlines.dueDate(now(), execution)}"} and a boundary timer
 * {@code ${deadlines.duration(execution)}}, so both move with the engine clock in tests.
 */
@Component("deadlines")
public class Deadlines {

  private final DeadlineProperties properties;
  private final UserTasks tasks;

  public Deadlines(DeadlineProperties properties, UserTasks tasks) {
    this.properties = properties;
    this.tasks = tasks;
  }

  public Date dueDate(Date now, DelegateExecution execution) {
    return Date.from(now.toInstant().plus(Duration.ofDays(days(kindAt(execution)))));
  }

  /** ISO-8601 duration of the escalation timer of the task the execution is at, e.g. {@code P5D}. */
  public String duration(DelegateExecution execution) {
    return "P" + days(kindAt(execution)) + "D";
  }

  public int days(DeadlineKind kind) {
    return switch (kind) {
      case DRAFT -> properties.draftDays();
      case REVIEW -> properties.reviewDays();
      case REPORT -> properties.reportDays();
      case IMPLEMENTATION -> properties.implementationDays();
    };
  }

  private DeadlineKind kindAt(DelegateExecution execution) {
    return tasks.at(execution).declaration().deadline();
  }
}
