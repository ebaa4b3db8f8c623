package mx.org.iecm.pgd.task;

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

  private final UserTasks tasks;

  public PrepareTaskListener(UserTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setName(nameWithCycle(task.getName(), BusinessKey.parse(task.getExecution().getProcessBusinessKey())));
    DeclaredTask declared = tasks.get(task.getTaskDefinitionKey());
    if (declared.decides()) {
      task.removeVariable(CycleVariables.DECISION);
      task.removeVariable(CycleVariables.COMMENTS);
    }
    declared.declaration().onCreate().accept(task);
  }

  /** «Elaborar programa de trabajo · línea 9.1 · 2023». */
  static String nameWithCycle(String name, BusinessKey cycle) {
    return name == null ? null : name + " · línea " + cycle.actionLineId() + " · " + cycle.year();
  }
}
