package mx.org.iecm.pgd.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import mx.org.iecm.pgd.task.TaskEvidence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence files in the database ({@code pgd_evidence_file}, bytes in {@code pgd_evidence_chunk}):
 * stored, listed, read and removed a chunk of 1 MiB at a time, so that no file is ever whole in memory.
 * Nothing here runs inside an engine transaction.
 */
@Service
public class EvidenceFiles implements TaskEvidence {

  static final int CHUNK = 1 << 20;
  private static final String COLUMNS = "id, task_id, task_key, task_name, business_key, process_instance_id, "
      + "file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate transaction;

  public EvidenceFiles(DataSource dataSource) {
    this.template = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(template);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** The task a file belongs to, as the engine names it. */
  public record TaskRef(String taskId, String taskKey, String taskName, String businessKey, String processInstanceId) {
  }

  /**
   * Stores the bytes of {@code content} (already checked: its type, size and digest) as a file of the
   * task, in one transaction.
   */
  public EvidenceFile store(TaskRef task, String fileName, String mediaType, String uploadedBy, Instant at,
      Path content, long size, String sha256) {
    EvidenceFile file = new EvidenceFile(UUID.randomUUID().toString(), task.taskId(), task.taskKey(), task.taskName(),
        task.businessKey(), task.processInstanceId(), fileName, mediaType, size, sha256, uploadedBy, at);
    transaction.executeWithoutResult(status -> {
      jdbc.sql("INSERT INTO pgd_evidence_file (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(file.id(), file.taskId(), file.taskKey(), file.taskName(), file.businessKey(),
              file.processInstanceId(), file.fileName(), file.mediaType(), file.size(), file.sha256(),
              file.uploadedBy(), Timestamp.from(file.uploadedAt()))
          .update();
      // One buffer for every chunk: each insert runs before the next chunk is read into it.
      try (InputStream in = Files.newInputStream(content)) {
        byte[] buffer = new byte[CHUNK];
        int seq = 0;
        for (int read = in.readNBytes(buffer, 0, CHUNK); read > 0; read = in.readNBytes(buffer, 0, CHUNK)) {
          int chunk = seq++;
          int length = read;
          // As a stream: the driver sends the buffer as it is (a byte[] parameter it would copy first).
          template.update("INSERT INTO pgd_evidence_chunk (file_id, seq, data) VALUES (?, ?, ?)", statement -> {
            statement.setString(1, file.id());
            statement.setInt(2, chunk);
            statement.setBinaryStream(3, new java.io.ByteArrayInputStream(buffer, 0, length), length);
          });
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the upload of " + fileName, e);
      }
    });
    return file;
  }

  public List<EvidenceFile> ofTask(String taskId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pgd_evidence_file WHERE task_id = ? ORDER BY uploaded_at, id")
        .param(taskId).query(EvidenceFiles::file).list();
  }

  /** Every file of the tasks of one process instance, in one query, by time. */
  public List<EvidenceFile> ofProcess(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pgd_evidence_file WHERE process_instance_id = ? ORDER BY uploaded_at,"
        + " id").param(processInstanceId).query(EvidenceFiles::file).list();
  }

  /** Every file of a cycle, in one query, by task and time. */
  public List<EvidenceFile> ofCycle(String businessKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pgd_evidence_file WHERE business_key = ? ORDER BY uploaded_at, id")
        .param(businessKey).query(EvidenceFiles::file).list();
  }

  public Optional<EvidenceFile> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pgd_evidence_file WHERE id = ?").param(id)
        .query(EvidenceFiles::file).optional();
  }

  @Override
  public int count(String taskId) {
    return jdbc.sql("SELECT COUNT(*) FROM pgd_evidence_file WHERE task_id = ?").param(taskId).query(Integer.class)
        .single();
  }

  /** The bytes the task's files hold together. */
  public long totalSize(String taskId) {
    return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM pgd_evidence_file WHERE task_id = ?").param(taskId)
        .query(Long.class).single();
  }

  /** Bytes of evidence per cycle (business key), in one query. */
  public java.util.Map<String, Long> bytesPerCycle() {
    java.util.Map<String, Long> bytes = new java.util.HashMap<>();
    jdbc.sql("SELECT business_key, SUM(size_bytes) FROM pgd_evidence_file GROUP BY business_key")
        .query(rs -> {
          bytes.put(rs.getString(1), rs.getLong(2));
        });
    return bytes;
  }

  /** Writes the file's bytes to {@code out}, a chunk at a time. */
  public void copy(String id, OutputStream out) throws IOException {
    for (int seq = 0; ; seq++) {
      Optional<byte[]> chunk = chunk(id, seq);
      if (chunk.isEmpty()) {
        return;
      }
      out.write(chunk.get());
    }
  }

  /** The SHA-256 of the bytes as they are stored now, read a chunk at a time. */
  public String digestOfStoredBytes(String id) {
    MessageDigest digest = sha256();
    for (int seq = 0; ; seq++) {
      Optional<byte[]> chunk = chunk(id, seq);
      if (chunk.isEmpty()) {
        return HexFormat.of().formatHex(digest.digest());
      }
      digest.update(chunk.get());
    }
  }

  /** Removes a file and its bytes; false when there was none. */
  public boolean delete(String id) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      jdbc.sql("DELETE FROM pgd_evidence_chunk WHERE file_id = ?").param(id).update();
      return jdbc.sql("DELETE FROM pgd_evidence_file WHERE id = ?").param(id).update() > 0;
    }));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private Optional<byte[]> chunk(String id, int seq) {
    return jdbc.sql("SELECT data FROM pgd_evidence_chunk WHERE file_id = ? AND seq = ?").params(id, seq)
        .query((rs, row) -> rs.getBytes(1)).optional();
  }

  private static EvidenceFile file(ResultSet rs, int row) throws SQLException {
    return new EvidenceFile(rs.getString("id"), rs.getString("task_id"), rs.getString("task_key"),
        rs.getString("task_name"), rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }
}
