package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Compares the validated progress (the mean of the reported activities' percentages) with the approved
 * schedule at the report date.
 */
@Component("evaluateDeviationDelegate")
public class EvaluateDeviationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluateDeviationDelegate.class);

  private final DeviationPolicy policy;

  public EvaluateDeviationDelegate(@Value("${pgd.execution.deviation-tolerance:10}") double tolerancePoints) {
    this.policy = new DeviationPolicy(tolerancePoints);
  }

  @Override
  public void execute(DelegateExecution execution) {
    JsonNode activityNodes = WorkProgram.of(execution).path(WorkProgram.ACTIVITIES);
    LocalDate date = OffsetDateTime.parse((String) execution.getVariable(ExecutionProcess.REPORT_DATE)).toLocalDate();
    double expected = policy.expectedPercent(activityNodes, date);
    // From the reported rows themselves: no one's completion can send the overall figure.
    double actual = ProgressReport.overall(
        Submission.toJson(execution.getVariable(ExecutionProcess.ACTIVITY_PROGRESS)));
    boolean deviation = policy.isDeviation(expected, actual);
    execution.setVariable(ExecutionProcess.EXPECTED_PERCENT, expected);
    execution.setVariable(ExecutionProcess.DEVIATION, deviation);
    LOG.info("Cycle {}: progress {}% against {}% expected at {}: deviation={}", execution.getProcessBusinessKey(),
        actual, expected, date, deviation);
  }
}
