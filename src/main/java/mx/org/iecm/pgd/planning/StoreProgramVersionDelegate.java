package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the program just approved (in planning, or by a change) as the cycle's next version: the
 * document whole, stamped with its version number, which the cycle carries on from here.
 */
@Component("storeProgramVersionDelegate")
public class StoreProgramVersionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StoreProgramVersionDelegate.class);
  static final String FIRST_VERSION_REASON = "Programa de trabajo aprobado";

  private final ProgramVersions versions;
  private final Clock clock;

  public StoreProgramVersionDelegate(ProgramVersions versions, Clock clock) {
    this.versions = versions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    ObjectNode draft = WorkProgram.of(execution);
    String reason = (String) execution.getVariable(ProgramChangeProcess.CHANGE_REASON);
    Object decidedBy = execution.getVariable(CycleVariables.DECIDED_BY);
    int version = versions.nextVersion(businessKey);
    // Stored whole, as approved, with its own version number.
    ObjectNode approved = WorkProgram.withServerProperties(draft, version);
    versions.store(BusinessKey.parse(businessKey), version, approved.toString(),
        reason == null ? FIRST_VERSION_REASON : reason, decidedBy == null ? null : decidedBy.toString(),
        clock.instant(), execution.getProcessInstanceId());
    execution.setVariable(WorkProgram.VARIABLE, WorkProgram.value(approved));
    LOG.info("Cycle {}: program version {} stored", businessKey, version);
  }
}
