package mx.org.iecm.pgd.support;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves cycles forward inside the application under test, as the people of each group would in
 * Tasklist, without HTTP round trips: for building a year of data quickly.
 */
public record CycleDriver(TaskService tasks, IdentityService identity, RuntimeService runtime,
    ManagementService management) {

  /** Completes the cycle's one open task routed to {@code group}, as {@code user} of that group. */
  public void complete(String businessKey, String user, String group, Map<String, Object> values) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskCandidateGroup(group).list();
    if (open.size() != 1) {
      throw new AssertionError("Expected one task of " + group + " in " + businessKey + " but found " + open.size());
    }
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(open.get(0).getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the cycle's due timers (the reporting dates of past years are due at once). */
  public void runDueTimers(String businessKey) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers()
          .duedateLowerThan(ClockUtil.getCurrentTime()).list()) {
        management.executeJob(job.getId());
      }
    }
  }
}
