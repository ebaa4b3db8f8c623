package mx.org.iecm.pgd.task;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a user task is, declared once in the package of its phase ({@code PlanningTasks}…): its id in
 * the diagram, the role that does it, its deadline, the server's rules for what its form writes, what
 * the server readies when the task is created and what it records when the task is completed. The
 * fields themselves, their types and the decisions the task offers are read from its form
 * (forms/*.form.html, {@link TaskForms}); together they are a {@link DeclaredTask}, which routing,
 * deadlines, validation, the journal, notifications, status and the expediente read.
 *
 * @param checks the server's rules for the fields (nothing for tasks that only decide: the form's
 *     decision is checked for every deciding task)
 * @param onCreate what the server sets when the task is created, besides its name
 * @param onComplete what the server records once a completion is accepted, besides who prepared or
 *     decided (e.g. the overall progress of a report)
 * @param requiresEvidence its completion needs at least one evidence file attached to it
 */
public record UserTask(String id, Role role, DeadlineKind deadline, Consumer<Problems> checks,
    Consumer<DelegateTask> onCreate, BiConsumer<DelegateExecution, Submission> onComplete, boolean requiresEvidence) {

  /** A task that decides on someone else's work: its form offers the decision and comments. */
  public static UserTask decision(String id, Role role) {
    return new UserTask(id, role, DeadlineKind.REVIEW, problems -> { }, task -> { }, (execution, submission) -> { },
        false);
  }

  /** A task of the area's staff that prepares work, with the server's rules for what its form writes. */
  public static UserTask preparation(String id, DeadlineKind deadline, Consumer<Problems> checks) {
    return new UserTask(id, Role.STAFF, deadline, checks, task -> { }, (execution, submission) -> { }, false);
  }

  /** The same task, with more of the server's rules for its completion. */
  public UserTask alsoChecking(Consumer<Problems> more) {
    return new UserTask(id, role, deadline, checks.andThen(more), onCreate, onComplete, requiresEvidence);
  }

  /** The same task, readied by {@code onCreate} when it is created. */
  public UserTask onCreate(Consumer<DelegateTask> onCreate) {
    return new UserTask(id, role, deadline, checks, onCreate, onComplete, requiresEvidence);
  }

  /** The same task, with {@code onComplete} recorded when a completion is accepted. */
  public UserTask onComplete(BiConsumer<DelegateExecution, Submission> onComplete) {
    return new UserTask(id, role, deadline, checks, onCreate, onComplete, requiresEvidence);
  }

  /** The same task, completed only with at least one evidence file attached («Evidencias» in Tasklist). */
  public UserTask requiringEvidence() {
    return new UserTask(id, role, deadline, checks, onCreate, onComplete, true);
  }
}
