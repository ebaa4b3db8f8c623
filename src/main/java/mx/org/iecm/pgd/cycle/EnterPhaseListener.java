package mx.org.iecm.pgd.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the lifecycle's {@code phase} variable current as the cycle reaches each phase or end.
 */
@Component("enterPhaseListener")
public class EnterPhaseListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(EnterPhaseListener.class);

  @Override
  public void notify(DelegateExecution execution) {
    Phase phase = LifecycleProcess.PHASE_OF_ACTIVITY.get(execution.getCurrentActivityId());
    if (phase == null) {
      throw new IllegalStateException("No phase for activity " + execution.getCurrentActivityId());
    }
    execution.getProcessInstance().setVariable(CycleVariables.PHASE, phase.code());
    LOG.info("Cycle {} entered phase {}", execution.getProcessBusinessKey(), phase.code());
  }
}
