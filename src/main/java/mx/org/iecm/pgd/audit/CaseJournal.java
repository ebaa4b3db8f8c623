package mx.org.iecm.pgd.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journal of a cycle (table {@code pgd_case_journal}): every accepted task submission with its
 * form values, decision and comments, and every escalation. Written in the engine's transaction, so
 * a refused or rolled-back completion leaves no row.
 */
@Repository
public class CaseJournal {

  public static final String SUBMISSION = "submission";
  public static final String ESCALATION = "escalation";

  private final JdbcClient jdbc;

  public CaseJournal(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** One journal row; {@code taskId} is the task it records (null for rows written before it was kept). */
  public record Entry(long id, String businessKey, String processInstanceId, String kind, String taskId,
      String taskKey, String taskName, String actor, String decision, String comments, String preparedBy,
      String formValues, Instant recordedAt) {
  }

  public void record(Entry entry) {
    jdbc.sql("""
            INSERT INTO pgd_case_journal (business_key, process_instance_id, kind, task_id, task_key, task_name,
                actor, decision, comments, prepared_by, form_values, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(entry.businessKey(), entry.processInstanceId(), entry.kind(), entry.taskId(), entry.taskKey(),
            entry.taskName(),
            entry.actor(), entry.decision(), entry.comments(), entry.preparedBy(), entry.formValues(),
            Timestamp.from(entry.recordedAt()))
        .update();
  }

  /**
   * Who made the latest accepted submission of one of {@code taskKeys} in a process instance: the person
   * who prepared the work a later task decides on. Read from the journal, which only the server writes.
   * Empty when there is none, or when nobody was authenticated for it (a completion through the engine's
   * Java API): then no one is known to have prepared it, rather than someone who prepared an earlier one.
   */
  public Optional<String> lastSubmitter(String businessKey, String processInstanceId, Collection<String> taskKeys) {
    if (taskKeys.isEmpty()) {
      return Optional.empty();
    }
    // By business key first: its index narrows the search to the rows of one cycle.
    return jdbc.sql("""
            SELECT actor FROM pgd_case_journal
            WHERE business_key = :key AND process_instance_id = :instance AND kind = :kind AND task_key IN (:tasks)
            ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
        .param("key", businessKey).param("instance", processInstanceId).param("kind", SUBMISSION)
        .param("tasks", List.copyOf(taskKeys))
        .query(String.class).list().stream().filter(Objects::nonNull).findFirst();
  }

  /** The latest accepted submission in a process instance: what led to the task being created now. */
  public Optional<Entry> lastSubmission(String businessKey, String processInstanceId) {
    return jdbc.sql("""
            SELECT id, business_key, process_instance_id, kind, task_id, task_key, task_name, actor, decision,
                comments, prepared_by, form_values, recorded_at
            FROM pgd_case_journal WHERE business_key = :key AND process_instance_id = :instance AND kind = :kind
            ORDER BY id DESC LIMIT 1""")
        .param("key", businessKey).param("instance", processInstanceId).param("kind", SUBMISSION)
        .query(CaseJournal::entry).optional();
  }

  public List<Entry> of(String businessKey) {
    return jdbc.sql("""
            SELECT id, business_key, process_instance_id, kind, task_id, task_key, task_name, actor, decision,
                comments, prepared_by, form_values, recorded_at
            FROM pgd_case_journal WHERE business_key = ? ORDER BY id""")
        .param(businessKey)
        .query(CaseJournal::entry)
        .list();
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12), rs.getTimestamp(13).toInstant());
  }
}
