package mx.org.iecm.pgd.support;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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
    ManagementService management, DataSource dataSource) {

  /** Completes the cycle's one open task routed to {@code group}, as {@code user} of that group. */
  public void complete(String businessKey, String user, String group, Map<String, Object> values) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskCandidateGroup(group)
        .includeAssignedTasks().list();
    if (open.size() != 1) {
      throw new AssertionError("Expected one task of " + group + " in " + businessKey + " but found " + open.size());
    }
    SampleEvidence.attachIfRequired(dataSource, open.get(0), businessKey, user);
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(open.get(0).getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Planning approved first time: the area's staff drafts, its head, each co-responsible head and the SGCE approve. */
  public void plan(String businessKey, int year, String area, List<String> coResponsible) {
    complete(businessKey, area + "-staff1", area + "-staff", Submissions.workProgram(year));
    complete(businessKey, area + "-head1", area + "-head", Submissions.approve());
    for (String co : coResponsible) {
      complete(businessKey, co + "-head1", co + "-head", Submissions.approve());
    }
    complete(businessKey, "sgce1", "sgce-office", Submissions.approve());
  }

  /** One progress report at {@code percent}, validated by the head. */
  public void report(String businessKey, String area, int percent) {
    complete(businessKey, area + "-staff2", area + "-staff", Submissions.progress(percent));
    complete(businessKey, area + "-head2", area + "-head", Submissions.approve());
  }

  /** The four quarterly reports of a past year, on schedule (30, 50, 80 and 100 %). */
  public void reportTheYear(String businessKey, String area) {
    for (int percent : new int[] {30, 50, 80, 100}) {
      runDueTimers(businessKey);
      report(businessKey, area, percent);
    }
  }

  /** Results reported, approved by the head and ruled conforming by the SGCE office. */
  public void review(String businessKey, String area) {
    complete(businessKey, area + "-staff1", area + "-staff", Submissions.results());
    complete(businessKey, area + "-head1", area + "-head", Submissions.approve());
    complete(businessKey, "sgce2", "sgce-office", Submissions.approve());
  }

  /** Closing report and lessons, approved by the head and signed by the SGCE office. */
  public void close(String businessKey, String area) {
    complete(businessKey, area + "-staff1", area + "-staff", Submissions.closingReport());
    complete(businessKey, area + "-head1", area + "-head", Submissions.approve());
    complete(businessKey, "sgce1", "sgce-office", Submissions.approve());
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
