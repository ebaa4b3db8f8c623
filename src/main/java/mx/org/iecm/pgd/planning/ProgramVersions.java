package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import mx.org.iecm.pgd.cycle.BusinessKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every approved version of a cycle's work program, kept side by side (table {@code pgd_program_version}).
 * Writes join the engine's transaction: a version exists only if the approval that made it commits.
 */
@Repository
public class ProgramVersions {

  private final JdbcClient jdbc;

  public ProgramVersions(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** One stored version. */
  public record ProgramVersion(String businessKey, int version, String content, String reason, String approvedBy,
      Instant approvedAt, String processInstanceId) {
  }

  /** The number the next approved version of the cycle's program gets (1 for the first). */
  public int nextVersion(String businessKey) {
    return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM pgd_program_version WHERE business_key = ?")
        .param(businessKey)
        .query(Integer.class)
        .single();
  }

  /** Stores version {@code version} of the cycle's program (a unique constraint refuses a number twice). */
  public void store(BusinessKey key, int version, String content, String reason, String approvedBy,
      Instant approvedAt, String processInstanceId) {
    jdbc.sql("""
            INSERT INTO pgd_program_version (business_key, plan_code, action_line_id, fiscal_year, version, content,
                reason, approved_by, approved_at, process_instance_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(key.toString(), key.planCode(), key.actionLineId(), key.year(), version, content, reason, approvedBy,
            Timestamp.from(approvedAt), processInstanceId)
        .update();
  }

  /** The version in force: the latest approved one, if any. */
  public Optional<ProgramVersion> latest(String businessKey) {
    return jdbc.sql("""
            SELECT business_key, version, content, reason, approved_by, approved_at, process_instance_id
            FROM pgd_program_version WHERE business_key = ? ORDER BY version DESC LIMIT 1""")
        .param(businessKey)
        .query((rs, row) -> new ProgramVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
        .optional();
  }

  /** The content of the version in force as a document; an empty one before the first approval. */
  public ObjectNode inForce(String businessKey) {
    return WorkProgram.read(latest(businessKey).map(ProgramVersion::content).orElse("{}"));
  }

  public List<ProgramVersion> of(String businessKey) {
    return jdbc.sql("""
            SELECT business_key, version, content, reason, approved_by, approved_at, process_instance_id
            FROM pgd_program_version WHERE business_key = ? ORDER BY version""")
        .param(businessKey)
        .query((rs, row) -> new ProgramVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
        .list();
  }
}
