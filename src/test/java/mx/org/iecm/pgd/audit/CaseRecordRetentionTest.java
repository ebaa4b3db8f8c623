package mx.org.iecm.pgd.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PgdIntegrationTest
@OwnsCycles("12.1:2023")
class CaseRecordRetentionTest {

  /** A cycle whose history the engine's cleanup has already removed. */
  static final String EXPIRED = "PGD-2014-2017:3.2:2015";
  static final String RUNNING = "PGD-2020-2023:12.1:2023";

  @Autowired
  CaseRecordRetention retention;
  @Autowired
  CycleService cycles;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theRecordsOfACycleGoWithItsHistoryAndNothingElseDoes() {
    cycles.startLine(2023, "12.1");
    Timestamp now = Timestamp.from(Instant.now());
    for (String key : new String[] {EXPIRED, RUNNING}) {
      jdbc.update("INSERT INTO pgd_case_journal (business_key, process_instance_id, kind, task_key, task_name, actor, "
          + "recorded_at) VALUES (?, 'pi', 'submission', 'Activity_DraftProgram', 'Elaborar programa de trabajo', "
          + "'staff1', ?)", key, now);
      jdbc.update("INSERT INTO pgd_program_version (business_key, plan_code, action_line_id, fiscal_year, version, "
          + "content, approved_at, process_instance_id) VALUES (?, 'PGD', '3.2', 2015, 1, '{}', ?, 'pi')", key, now);
    }
    jdbc.update("INSERT INTO pgd_case_seal (business_key, algorithm, digest, canonical_record, sealed_at) "
        + "VALUES (?, 'SHA-256', 'ab', 'registro', ?)", EXPIRED, now);
    jdbc.update("INSERT INTO pgd_case_seal_pending (business_key, closed_at) VALUES (?, ?)", EXPIRED, now);
    for (String key : new String[] {EXPIRED, RUNNING}) {
      String file = key.equals(EXPIRED) ? "evidencia-vencida" : "evidencia-vigente";
      jdbc.update("INSERT INTO pgd_evidence_file (id, task_id, task_key, business_key, process_instance_id, file_name, "
          + "media_type, size_bytes, sha256, uploaded_by, uploaded_at) VALUES (?, 't', 'Task_ReportResults', ?, 'pi', "
          + "'informe.pdf', 'application/pdf', 3, 'ab', 'staff1', ?)", file, key, now);
      jdbc.update("INSERT INTO pgd_evidence_chunk (file_id, seq, data) VALUES (?, 0, ?)", file, new byte[] {1, 2, 3});
    }

    Map<String, Integer> removed = retention.removeRecordsWithoutHistory();

    assertThat(removed).containsOnlyKeys(CaseRecordRetention.TABLES);
    for (String table : CaseRecordRetention.TABLES) {
      assertThat(rows(table, EXPIRED)).as(table).isZero();
      assertThat(removed.get(table)).as(table).isPositive();
    }
    assertThat(rows("pgd_case_journal", RUNNING)).isEqualTo(1);
    assertThat(rows("pgd_program_version", RUNNING)).isEqualTo(1);
    assertThat(rows("pgd_evidence_file", RUNNING)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pgd_evidence_chunk WHERE file_id IN ('evidencia-vencida',"
        + " 'evidencia-vigente')", Integer.class)).as("the bytes go with their file").isEqualTo(1);
    assertThat(retention.removeRecordsWithoutHistory()).allSatisfy((table, count) -> assertThat(count).isZero());
  }

  private int rows(String table, String key) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE business_key = ?", Integer.class, key);
  }
}
