package mx.org.iecm.pgd.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Gives each process a cycle calls (its phases, program changes, corrective actions) the cycle's line,
 * year, area and their texts, derived from the business key and the catalog when the process starts —
 * the same values the cycle started with, without a mapping per variable in every call activity, and
 * never from a value a caller passed.
 */
@Component("cycleContextListener")
public class CycleContextListener implements ExecutionListener {

  private final CycleService cycles;

  public CycleContextListener(CycleService cycles) {
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BusinessKey key = BusinessKey.parse(execution.getProcessBusinessKey());
    VariableMap context = cycles.startVariables(key.planCode(), key.actionLineId(), key.year());
    // The phase is the lifecycle's own (EnterPhaseListener); a called process does not carry it.
    context.remove(CycleVariables.PHASE);
    execution.setVariablesLocal(context);
  }
}
