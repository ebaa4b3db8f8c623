package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.ApplicationIdentity;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.web.EngineRefusal;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every task completion on the server against the task's declaration (its form's fields and
 * decisions, its rules, four eyes) and refuses it with a Spanish message that names each field; then
 * journals what was submitted and records who prepared or decided and why.
 *
 * <p>It listens to the end of the user task's activity, which happens inside the completion's
 * transaction: a refusal rolls the completion back. (A task listener would do the same, but the
 * engine wraps task-listener exceptions into a generic error that the REST API answers with 500.)
 *
 * <p>What the checks rely on comes from the business key and the journal, never from a variable: who
 * prepared the work is whoever made the latest accepted submission of a staff task in the process.
 *
 * <p>Each user task also declares this bean as its {@code complete} task listener, which fires just
 * before the activity ends in the same command and hands over the id of the task being completed, so
 * that the journal and the evidence check need not look it up in history. A task without that listener
 * is still handled: its id is then read from history.
 */
@Component("validateSubmissionListener")
public class ValidateSubmissionListener implements ExecutionListener, TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(ValidateSubmissionListener.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The task whose completion is under way on this thread, from its complete listener to its activity's end. */
  private static final ThreadLocal<Completing> COMPLETING = new ThreadLocal<>();

  private record Completing(String executionId, String activityInstanceId, String taskId) {
  }

  private final UserTasks tasks;
  private final CaseJournal journal;
  private final TaskEvidence evidence;
  private final Clock clock;

  public ValidateSubmissionListener(UserTasks tasks, CaseJournal journal, TaskEvidence evidence, Clock clock) {
    this.tasks = tasks;
    this.journal = journal;
    this.evidence = evidence;
    this.clock = clock;
    QuietRefusalsFilter.install();
  }

  /** The task's complete event: remembers which task this thread is completing (see the class comment). */
  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      COMPLETING.set(new Completing(task.getExecutionId(), task.getExecution().getActivityInstanceId(), task.getId()));
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    Completing completing = COMPLETING.get();
    COMPLETING.remove();
    if (execution.isCanceled()) {
      // The task is being removed (cycle cancelled, instance deleted), not completed.
      return;
    }
    String taskId = completing != null && completing.executionId().equals(execution.getId())
        && completing.activityInstanceId().equals(execution.getActivityInstanceId())
        ? completing.taskId() : taskIdFromHistory(execution);
    DeclaredTask task = tasks.at(execution);
    String name = execution.getCurrentActivityName();
    Submission submission = new Submission(execution::getVariable);
    String user = CurrentUser.of(execution);
    List<Problem> problems = new ArrayList<>(task.check(submission, BusinessKey.parse(execution.getProcessBusinessKey())));
    String preparedBy = task.decides() ? preparer(execution) : null;
    if (task.decides() && user != null && user.equals(preparedBy)) {
      problems.add(selfApproval(user));
    }
    if (task.declaration().requiresEvidence() && evidence.count(taskId) == 0) {
      problems.add(MISSING_EVIDENCE);
    }
    if (!problems.isEmpty()) {
      LOG.info("Refused completion of {} in cycle {} by {}: {}", task.id(), execution.getProcessBusinessKey(), user,
          problems);
      throw EngineRefusal.onCurrentRequest(new SubmissionRefusedException(name, problems));
    }
    journal(execution, taskId, task, name, user, submission, preparedBy);
    if (task.decides()) {
      recordDecision(execution, user);
    } else {
      clearReturn(execution);
    }
    task.declaration().onComplete().accept(execution, submission);
  }

  /** The problem of a task that needs evidence and was completed without any file. */
  static final Problem MISSING_EVIDENCE = new Problem("evidence", "Evidencias", "adjunte al menos un archivo en la"
      + " pestaña «Evidencias» (el informe, las minutas, las listas…); los enlaces solo la complementan");

  /** Who prepared the work this decision is about: the latest accepted staff submission of the process. */
  private String preparer(DelegateExecution execution) {
    return journal.lastSubmitter(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        tasks.idsOf(Role.STAFF)).orElse(null);
  }

  /** The Spanish problem when the person completing a decision task prepared what it decides on. */
  static Problem selfApproval(String user) {
    return new Problem(CycleVariables.DECISION, "Decisión", user + " preparó este trabajo y no puede aprobarlo ni"
        + " devolverlo; debe decidir otra persona del grupo");
  }

  private void journal(DelegateExecution execution, String taskId, DeclaredTask task, String name, String user,
      Submission submission, String preparedBy) {
    ObjectNode values = JSON.createObjectNode();
    for (String field : task.fields().keySet()) {
      Object raw = submission.raw(field);
      if (raw == null) {
        continue;
      }
      JsonNode json = Submission.toJson(raw);
      boolean structured = json != null && (json.isArray() || json.isObject());
      values.set(field, structured ? json : raw instanceof Number n ? JSON.valueToTree(n) : JSON.valueToTree(raw.toString()));
    }
    boolean decides = task.decides();
    journal.record(new CaseJournal.Entry(0, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        CaseJournal.SUBMISSION, taskId, task.id(), name, user, decides ? submission.text(CycleVariables.DECISION) : null,
        decides ? submission.text(CycleVariables.COMMENTS) : null, preparedBy, values.toString(), clock.instant()));
  }

  /**
   * The id of the task being completed: the task of the activity instance that ends (one user task per
   * activity instance), read in the application's name since the person need not read history.
   */
  private static String taskIdFromHistory(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return ApplicationIdentity.call(execution.getProcessEngineServices().getIdentityService(),
        () -> history.createHistoricTaskInstanceQuery().activityInstanceIdIn(execution.getActivityInstanceId())
            .list().stream().map(HistoricTaskInstance::getId).findFirst().orElse(null));
  }

  /**
   * Removes the process-wide return variables that cycles started before the return state became the
   * returned task's own still carry (PrepareTaskListener), so that no old banner shows again.
   */
  private static void clearReturn(DelegateExecution execution) {
    execution.removeVariable(CycleVariables.RETURN_COMMENTS);
    execution.removeVariable(CycleVariables.RETURNED_BY);
    execution.removeVariable(CycleVariables.RETURNED_FROM);
  }

  /** Who decided; a return is read from the journal by the task it sends back (PrepareTaskListener). */
  private static void recordDecision(DelegateExecution execution, String user) {
    CycleVariables.update(execution, CycleVariables.DECIDED_BY, user);
  }
}
