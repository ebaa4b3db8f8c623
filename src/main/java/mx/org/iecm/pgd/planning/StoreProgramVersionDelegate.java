package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Keeps the program just approved (in planning, or by a change) as the cycle's next version.
 */
@Component("storeProgramVersionDelegate")
public class StoreProgramVersionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StoreProgramVersionDelegate.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FIRST_VERSION_REASON = "Programa de trabajo aprobado";

  private final ProgramVersions versions;
  private final Clock clock;

  public StoreProgramVersionDelegate(ProgramVersions versions, Clock clock) {
    this.versions = versions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    ObjectNode content = JSON.createObjectNode();
    content.put(CycleVariables.GOAL, text(execution, CycleVariables.GOAL));
    content.set(CycleVariables.ACTIVITIES, json(execution, CycleVariables.ACTIVITIES));
    content.set(CycleVariables.INDICATORS, json(execution, CycleVariables.INDICATORS));
    Object budget = execution.getVariable(CycleVariables.BUDGET);
    content.put(CycleVariables.BUDGET, budget == null ? null : budget.toString());
    content.put(CycleVariables.RISKS, text(execution, CycleVariables.RISKS));
    String reason = text(execution, ProgramChangeProcess.CHANGE_REASON);
    String businessKey = execution.getProcessBusinessKey();
    int version = versions.store(BusinessKey.parse(businessKey), content.toString(),
        reason == null ? FIRST_VERSION_REASON : reason, text(execution, CycleVariables.DECIDED_BY), clock.instant(),
        execution.getProcessInstanceId());
    execution.setVariable(CycleVariables.PROGRAM_VERSION, version);
    LOG.info("Cycle {}: program version {} stored", businessKey, version);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static JsonNode json(DelegateExecution execution, String name) throws JsonProcessingException {
    Object value = execution.getVariable(name);
    if (value == null) {
      return JSON.nullNode();
    }
    if (value instanceof Iterable<?> || value instanceof java.util.Map<?, ?>) {
      return JSON.valueToTree(value);
    }
    return JSON.readTree(value.toString());
  }
}
