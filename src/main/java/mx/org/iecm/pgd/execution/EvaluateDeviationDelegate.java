package mx.org.iecm.pgd.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.measurement.FollowUp;
import mx.org.iecm.pgd.measurement.FollowUpPolicy;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Measures the validated report against the program in force ({@link FollowUpPolicy}): weighted progress
 * against the schedule, each indicator against its period's target, spending against what was authorised.
 * Everything is read from the report's rows and the program, never from a value someone sent for it.
 */
@Component("evaluateDeviationDelegate")
public class EvaluateDeviationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluateDeviationDelegate.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FollowUpPolicy policy;

  public EvaluateDeviationDelegate(@Value("${pgd.execution.deviation-tolerance:10}") double tolerancePoints,
      @Value("${pgd.execution.spending-tolerance:5}") double spendingTolerancePercent) {
    this.policy = new FollowUpPolicy(tolerancePoints, spendingTolerancePercent);
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate date = OffsetDateTime.parse((String) execution.getVariable(ExecutionProcess.REPORT_DATE)).toLocalDate();
    FollowUp followUp = policy.measure(WorkProgram.of(execution), date,
        Submission.toJson(execution.getVariable(ExecutionProcess.ACTIVITY_PROGRESS)),
        Submission.toJson(execution.getVariable(ExecutionProcess.INDICATOR_VALUES)),
        Submission.toJson(execution.getVariable(ExecutionProcess.BUDGET_SPENT)));
    CycleVariables.update(execution, ExecutionProcess.EXPECTED_PERCENT, followUp.expectedPercent());
    CycleVariables.update(execution, ExecutionProcess.DEVIATION, followUp.deviation());
    if (followUp.deviation()) {
      execution.setVariable(ExecutionProcess.DEVIATION_REASONS,
          SpinValues.jsonValue(JSON.valueToTree(followUp.reasons()).toString()).create());
    } else if (execution.getVariable(ExecutionProcess.DEVIATION_REASONS) != null) {
      execution.removeVariable(ExecutionProcess.DEVIATION_REASONS);
    }
    LOG.info("Cycle {}: progress {}% against {}% expected at {}: deviation={} {}", execution.getProcessBusinessKey(),
        followUp.progressPercent(), followUp.expectedPercent(), date, followUp.deviation(), followUp.reasons());
  }
}
