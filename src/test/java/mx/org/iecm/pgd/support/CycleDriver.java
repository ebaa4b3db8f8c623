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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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

  /**
   * Completes the cycle's one open task as person {@code n} of the group the catalog routed it to
   * ({@code sgce<n>} for the SGCE office, {@code <group><n>} for an area's group): the line's reviewers
   * differ where the SGCE office is the responsible area.
   */
  public void completeAsRouted(String businessKey, int n, Map<String, Object> values) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
    if (open.size() != 1) {
      throw new AssertionError("Expected one open task in " + businessKey + " but found " + open.size());
    }
    String group = tasks.getIdentityLinksForTask(open.get(0).getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new AssertionError("Task " + open.get(0).getName() + " has no candidate group"));
    complete(businessKey, (group.equals("sgce-office") ? "sgce" : group) + n, group, values);
  }

  /**
   * Planning approved first time: the area's staff drafts, its head and each co-responsible head approve,
   * the planning office validates and the line's reviewers (the SGCE office) approve.
   */
  public void plan(String businessKey, int year, String area, List<String> coResponsible) {
    plan(businessKey, year, area, coResponsible, Submissions.workProgram(year));
  }

  /** Planning approved first time, with the draft {@code draft} (a work program document). */
  public void plan(String businessKey, int year, String area, List<String> coResponsible, Map<String, Object> draft) {
    complete(businessKey, area + "-staff1", area + "-staff", draft);
    complete(businessKey, area + "-head1", area + "-head", Submissions.approve());
    for (String co : coResponsible) {
      complete(businessKey, co + "-head1", co + "-head", Submissions.approve());
    }
    completeAsRouted(businessKey, 1, Submissions.approve());
    completeAsRouted(businessKey, 1, Submissions.approve());
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
    completeAsRouted(businessKey, 2, Submissions.approve());
  }

  /** Closing report and lessons, approved by the head and signed by the SGCE office. */
  public void close(String businessKey, String area) {
    complete(businessKey, area + "-staff1", area + "-staff", Submissions.closingReport());
    complete(businessKey, area + "-head1", area + "-head", Submissions.approve());
    completeAsRouted(businessKey, 1, Submissions.approve());
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
