package mx.org.iecm.pgd.task;

import java.time.format.DateTimeFormatter;
import java.util.Optional;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Readies a task when it is created: its name carries the line and the year, taken from the business
 * key, so that a list of the 39 planning tasks of a year in Tasklist is not 39 identical rows; a
 * decision starts blank (no stale decision or comments from an earlier round); and whatever its
 * declaration readies (e.g. a report's rows from the program).
 */
@Component("prepareTaskListener")
public class PrepareTaskListener implements TaskListener {

  /** What the name of a returned task ends with, on its card in Tasklist. */
  public static final String RETURNED = " · Devuelto";
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PgdApplication.ZONE);

  private final UserTasks tasks;
  private final CaseJournal journal;

  public PrepareTaskListener(UserTasks tasks, CaseJournal journal) {
    this.tasks = tasks;
    this.journal = journal;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setName(nameWithCycle(task.getName(), BusinessKey.parse(task.getExecution().getProcessBusinessKey())));
    DeclaredTask declared = tasks.get(task.getTaskDefinitionKey());
    if (declared.decides()) {
      // A task just created holds no variable of its own: removing from its execution up spares the
      // engine a read of the task's (empty) variables.
      task.getExecution().removeVariable(CycleVariables.DECISION);
      task.getExecution().removeVariable(CycleVariables.COMMENTS);
    }
    if (declared.role().preparesWork()) {
      returnState(task);
    }
    declared.declaration().onCreate().accept(task);
  }

  /**
   * Whether this task is work sent back: the decision that led to it was a return. Who, when, from which
   * step and why are the task's own variables, so that they show on this task alone and never on a
   * later period's report or in another process (null when the work was not returned). Returned work
   * goes back to the person who prepared it — assigned to them («Mis tareas»), still in the area's list —
   * and its name says so («… · Devuelto»).
   */
  private void returnState(DelegateTask task) {
    Optional<CaseJournal.Entry> cause = journal.lastSubmission(task.getExecution().getProcessBusinessKey(),
        task.getProcessInstanceId()).filter(entry -> CycleVariables.RETURN.equals(entry.decision()));
    cause.ifPresent(entry -> {
      task.setName(task.getName() + RETURNED);
      if (entry.preparedBy() != null) {
        task.setAssignee(entry.preparedBy());
      }
    });
    task.setVariableLocal(CycleVariables.RETURN_COMMENTS, cause.map(CaseJournal.Entry::comments).orElse(null));
    task.setVariableLocal(CycleVariables.RETURNED_BY, cause.map(CaseJournal.Entry::actor).orElse(null));
    task.setVariableLocal(CycleVariables.RETURNED_FROM, cause.map(CaseJournal.Entry::taskName).orElse(null));
    task.setVariableLocal(CycleVariables.RETURNED_AT,
        cause.map(entry -> WHEN.format(entry.recordedAt())).orElse(null));
  }

  /** «Elaborar programa de trabajo · línea 9.1 · 2023». */
  static String nameWithCycle(String name, BusinessKey cycle) {
    return name == null ? null : name + " · línea " + cycle.actionLineId() + " · " + cycle.year();
  }
}
