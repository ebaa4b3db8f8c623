package mx.org.iecm.pgd.task;

import static mx.org.iecm.pgd.cycle.CycleVariables.APPROVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import mx.org.iecm.pgd.audit.CaseJournal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.closure.ClosureProcess;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.review.ReviewProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every task completion on the server (fields, decision, comments, four eyes) and refuses it
 * with a Spanish message that names each field; then records who prepared or decided and why.
 *
 * <p>It listens to the end of the user task's activity, which happens inside the completion's
 * transaction: a refusal rolls the completion back. (A task listener would do the same, but the
 * engine wraps task-listener exceptions into a generic error that the REST API answers with 500.)
 */
@Component("validateSubmissionListener")
public class ValidateSubmissionListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ValidateSubmissionListener.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SubmissionRules rules = new SubmissionRules();
  private final CaseJournal journal;
  private final Clock clock;

  public ValidateSubmissionListener(CaseJournal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
    QuietRefusalsFilter.install();
  }

  @Override
  public void notify(DelegateExecution task) {
    if (task.isCanceled()) {
      // The task is being removed (cycle cancelled, instance deleted), not completed.
      return;
    }
    String key = task.getCurrentActivityId();
    String name = task.getCurrentActivityName();
    Submission submission = new Submission(task::getVariable);
    String user = CurrentUser.of(task);
    List<Problem> problems = new ArrayList<>(rules.check(key, submission));
    boolean decisionTask = SubmissionRules.DECISION_TASKS.containsKey(key);
    if (decisionTask && user != null && user.equals(task.getVariable(CycleVariables.PREPARED_BY))) {
      problems.add(SubmissionRules.selfApproval(user));
    }
    if (ClosureProcess.TASK_SIGN_CLOSURE.equals(key) && APPROVE.equals(submission.text(CycleVariables.DECISION))) {
      long open = task.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(CorrectiveActionProcess.KEY)
          .processInstanceBusinessKey(task.getProcessBusinessKey())
          .count();
      if (open > 0) {
        problems.add(new Problem(CycleVariables.DECISION, "Decisión", "no se puede firmar el cierre con " + open
            + (open == 1 ? " acción correctiva abierta" : " acciones correctivas abiertas") + " en el ciclo"));
      }
    }
    if (!problems.isEmpty()) {
      LOG.info("Refused completion of {} in cycle {} by {}: {}", key, task.getProcessBusinessKey(), user, problems);
      throw SubmissionRefusedException.onCurrentRequest(new SubmissionRefusedException(name, problems));
    }
    String preparedBy = (String) task.getVariable(CycleVariables.PREPARED_BY);
    journal(task, key, name, user, submission, decisionTask, preparedBy);
    if (SubmissionRules.STAFF_TASKS.contains(key)) {
      recordPreparation(task, key, user, submission);
    } else if (decisionTask) {
      recordDecision(task, key, user, submission);
    }
  }

  private void journal(DelegateExecution task, String key, String name, String user, Submission submission,
      boolean decisionTask, String preparedBy) {
    ObjectNode values = JSON.createObjectNode();
    for (String field : SubmissionRules.FORM_FIELDS.getOrDefault(key, List.of())) {
      Object raw = submission.raw(field);
      if (raw == null) {
        continue;
      }
      JsonNode json = Submission.toJson(raw);
      boolean structured = json != null && (json.isArray() || json.isObject());
      values.set(field, structured ? json : raw instanceof Number n ? JSON.valueToTree(n) : JSON.valueToTree(raw.toString()));
    }
    journal.record(new CaseJournal.Entry(0, task.getProcessBusinessKey(), task.getProcessInstanceId(),
        CaseJournal.SUBMISSION, key, name, user, decisionTask ? submission.text(CycleVariables.DECISION) : null,
        decisionTask ? submission.text(CycleVariables.COMMENTS) : null, decisionTask ? preparedBy : null,
        values.toString(), clock.instant()));
  }

  private static void recordPreparation(DelegateExecution task, String key, String user, Submission submission) {
    task.setVariable(CycleVariables.PREPARED_BY, user);
    task.removeVariable(CycleVariables.RETURN_COMMENTS);
    task.removeVariable(CycleVariables.RETURNED_BY);
    task.removeVariable(CycleVariables.RETURNED_FROM);
    if (PlanningProcess.TASK_DRAFT_PROGRAM.equals(key)) {
      task.setVariable(PlanningProcess.CO_RESPONSIBLE_RETURNS, 0);
    }
    if (ExecutionProcess.TASK_REPORT_PROGRESS.equals(key)) {
      task.setVariable(CycleVariables.PROGRESS_PERCENT, overallProgress(submission.json(ExecutionProcess.ACTIVITY_PROGRESS)));
      // A short text copy of the indicator values (kept inline in the engine's variable table), which
      // the status overview reads for every line in one query.
      JsonNode values = submission.json(ExecutionProcess.INDICATOR_VALUES);
      if (values != null && values.isArray()) {
        String summary = values.toString();
        task.setVariable(CycleVariables.INDICATOR_SUMMARY, summary.length() <= 3900 ? summary : "[]");
      }
    }
  }

  private static void recordDecision(DelegateExecution task, String key, String user, Submission submission) {
    String decision = submission.text(CycleVariables.DECISION);
    task.setVariable(CycleVariables.DECIDED_BY, user);
    boolean goesOn = APPROVE.equals(decision) || ExecutionProcess.CONTINUE.equals(decision)
        || ReviewProcess.OBSERVATIONS.equals(decision);
    if (!goesOn) {
      task.setVariable(CycleVariables.RETURN_COMMENTS, submission.text(CycleVariables.COMMENTS));
      task.setVariable(CycleVariables.RETURNED_BY, user);
      task.setVariable(CycleVariables.RETURNED_FROM, task.getCurrentActivityName());
    }
    if (PlanningProcess.TASK_CONFIRM_CO_RESPONSIBILITY.equals(key) && CycleVariables.RETURN.equals(decision)) {
      Object returns = task.getVariable(PlanningProcess.CO_RESPONSIBLE_RETURNS);
      task.setVariable(PlanningProcess.CO_RESPONSIBLE_RETURNS, returns instanceof Number n ? n.intValue() + 1 : 1);
    }
    if (ReviewProcess.TASK_RULE_RESULTS.equals(key) && goesOn) {
      String comments = submission.text(CycleVariables.COMMENTS);
      String ruling = APPROVE.equals(decision) ? "Conforme" : "Conforme con observaciones";
      task.setVariable(CycleVariables.RULING, comments == null || comments.isBlank() ? ruling : ruling + ": " + comments);
    }
  }

  /** Mean of the activities' percentages, one decimal. */
  static double overallProgress(JsonNode rows) {
    if (rows == null || !rows.isArray() || rows.isEmpty()) {
      return 0;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode row : rows) {
      BigDecimal percent = Problems.number(row.path("percent").asText());
      sum = sum.add(percent == null ? BigDecimal.ZERO : percent);
    }
    return sum.divide(BigDecimal.valueOf(rows.size()), 1, RoundingMode.HALF_UP).doubleValue();
  }
}
