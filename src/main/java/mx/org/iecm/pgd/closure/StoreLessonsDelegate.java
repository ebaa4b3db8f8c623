package mx.org.iecm.pgd.closure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores the closing report's lessons learned as rows, once the SGCE office has signed the closure.
 */
@Component("storeLessonsDelegate")
public class StoreLessonsDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StoreLessonsDelegate.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LessonsLearned lessons;
  private final Clock clock;

  public StoreLessonsDelegate(LessonsLearned lessons, Clock clock) {
    this.lessons = lessons;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Object value = execution.getVariable(ClosureProcess.LESSONS);
    JsonNode rows = value instanceof Iterable<?> ? JSON.valueToTree(value) : JSON.readTree(String.valueOf(value));
    BusinessKey key = BusinessKey.parse(execution.getProcessBusinessKey());
    String area = (String) execution.getVariable(CycleVariables.RESPONSIBLE_AREA);
    String author = (String) execution.getVariable(CycleVariables.PREPARED_BY);
    Instant now = clock.instant();
    for (JsonNode row : rows) {
      lessons.store(key, area, row.path("category").asText(), row.path("lesson").asText(), author, now,
          execution.getProcessInstanceId());
    }
    LOG.info("Cycle {}: {} lessons learned stored", key, rows.size());
  }
}
