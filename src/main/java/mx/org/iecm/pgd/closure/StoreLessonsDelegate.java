package mx.org.iecm.pgd.closure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
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
  private final CaseJournal journal;
  private final PlanCatalog catalog;
  private final Clock clock;

  public StoreLessonsDelegate(LessonsLearned lessons, CaseJournal journal, PlanCatalog catalog, Clock clock) {
    this.lessons = lessons;
    this.journal = journal;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Object value = execution.getVariable(ClosureProcess.LESSONS);
    JsonNode rows = value instanceof Iterable<?> ? JSON.valueToTree(value) : JSON.readTree(String.valueOf(value));
    BusinessKey key = BusinessKey.parse(execution.getProcessBusinessKey());
    String area = catalog.actionLine(key.planCode(), key.actionLineId())
        .map(ActionLine::responsibleArea).orElseThrow(() -> new IllegalStateException("Unknown line of " + key));
    // Whoever wrote the closing report that was signed: the journal's latest accepted submission of it.
    String author = journal.lastSubmitter(key.toString(), execution.getProcessInstanceId(),
        List.of(ClosureProcess.TASK_WRITE_CLOSING_REPORT)).orElse(null);
    Instant now = clock.instant();
    for (JsonNode row : rows) {
      lessons.store(key, area, row.path("category").asText(), row.path("lesson").asText(), author, now,
          execution.getProcessInstanceId());
    }
    LOG.info("Cycle {}: {} lessons learned stored", key, rows.size());
  }
}
