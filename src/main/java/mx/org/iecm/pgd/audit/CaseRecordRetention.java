package mx.org.iecm.pgd.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the application's own case records exactly as long as the engine keeps the cycle's history:
 * once the engine's history cleanup has removed every process instance of a business key (six
 * years after the cycle ended, the {@code historyTimeToLive} of the BPMN files), the journal, the
 * program versions and the seal of that key are removed too, the same night. Lessons learned stay:
 * they are the institute's knowledge base (plan lines 1.2 and 2.1), not evidence of one cycle.
 *
 * <p>Every node runs it; a second run finds nothing left to remove.
 */
@Component
public class CaseRecordRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRecordRetention.class);

  /** The tables whose rows belong to one cycle's record, by business key (evidence bytes go with their file). */
  static final List<String> TABLES = List.of("pgd_case_journal", "pgd_program_version", "pgd_case_seal",
      "pgd_case_seal_pending", "pgd_evidence_file");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  CaseRecordRetention(DataSource dataSource, TransactionTemplate transaction) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transaction = transaction;
  }

  /** Rows removed per table. */
  @Scheduled(cron = "${pgd.retention.cron:0 30 6 * * *}", zone = "America/Mexico_City")
  public Map<String, Integer> removeRecordsWithoutHistory() {
    Map<String, Integer> removed = transaction.execute(status -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String table : TABLES) {
        counts.put(table, jdbc.sql("DELETE FROM " + table + " r WHERE NOT EXISTS "
            + "(SELECT 1 FROM act_hi_procinst p WHERE p.business_key_ = r.business_key)").update());
      }
      return counts;
    });
    if (removed.values().stream().anyMatch(count -> count > 0)) {
      LOG.info("Retention: removed the case records of cycles whose history the engine removed: {}", removed);
    }
    return removed;
  }
}
