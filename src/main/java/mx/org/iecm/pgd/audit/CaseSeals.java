package mx.org.iecm.pgd.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import mx.org.iecm.pgd.audit.CaseRecord.SealInfo;
import mx.org.iecm.pgd.closure.ClosureProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Integrity seals (table {@code pgd_case_seal}): a SHA-256 digest of the canonical record of a closed
 * cycle, kept with the record itself, the time and the signer; verification recomputes it from the
 * history as it is now and names every record that differs.
 */
@Service
public class CaseSeals {

  private static final Logger LOG = LoggerFactory.getLogger(CaseSeals.class);

  private final JdbcClient jdbc;
  private final CaseHistoryReader reader;
  private final Clock clock;

  CaseSeals(DataSource dataSource, CaseHistoryReader reader, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.reader = reader;
    this.clock = clock;
  }

  /** The answer of a verification. */
  public record Verification(String businessKey, boolean sealed, boolean intact, String algorithm,
      String sealedDigest, String currentDigest, java.time.Instant sealedAt, String sealedBy, List<String> differences) {
  }

  /** Seals the cycle's record as it is now; a cycle is sealed once. */
  public void seal(String businessKey) {
    if (find(businessKey).isPresent()) {
      return;
    }
    CaseHistory history = reader.read(businessKey);
    String text = CanonicalRecord.text(CanonicalRecord.records(history));
    String signer = history.journal().stream()
        .filter(entry -> ClosureProcess.TASK_SIGN_CLOSURE.equals(entry.taskKey()))
        .reduce((first, second) -> second).map(CaseJournal.Entry::actor).orElse(null);
    jdbc.sql("""
            INSERT INTO pgd_case_seal (business_key, algorithm, digest, canonical_record, sealed_by, sealed_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(businessKey, CanonicalRecord.ALGORITHM, CanonicalRecord.digest(text), text, signer,
            Timestamp.from(clock.instant()))
        .update();
    LOG.info("Cycle {}: record sealed ({} records)", businessKey, text.length());
  }

  public Optional<SealInfo> find(String businessKey) {
    return jdbc.sql("SELECT algorithm, digest, sealed_at, sealed_by FROM pgd_case_seal WHERE business_key = ?")
        .param(businessKey)
        .query((rs, row) -> new SealInfo(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getString(4)))
        .optional();
  }

  public Verification verify(String businessKey) {
    var stored = jdbc.sql("""
            SELECT algorithm, digest, canonical_record, sealed_at, sealed_by FROM pgd_case_seal WHERE business_key = ?""")
        .param(businessKey)
        .query((rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5)})
        .optional();
    if (stored.isEmpty()) {
      return new Verification(businessKey, false, false, null, null, null, null, null,
          List.of("El expediente no tiene sello: el ciclo no ha sido cerrado con la firma del SGCE."));
    }
    Object[] seal = stored.get();
    Map<String, ObjectNode> now = CanonicalRecord.records(reader.read(businessKey));
    String currentText = CanonicalRecord.text(now);
    String currentDigest = CanonicalRecord.digest(currentText);
    List<String> differences = differences(CanonicalRecord.parse((String) seal[2]), now);
    boolean intact = currentDigest.equals(seal[1]) && differences.isEmpty();
    if (!intact && differences.isEmpty()) {
      differences = List.of("El contenido sellado no coincide con su huella.");
    }
    return new Verification(businessKey, true, intact, (String) seal[0], (String) seal[1], currentDigest,
        (java.time.Instant) seal[3], (String) seal[4], differences);
  }

  static List<String> differences(Map<String, ObjectNode> sealed, Map<String, ObjectNode> now) {
    List<String> differences = new ArrayList<>();
    for (var entry : sealed.entrySet()) {
      ObjectNode current = now.get(entry.getKey());
      if (current == null) {
        differences.add(entry.getKey() + ": ya no existe");
        continue;
      }
      Iterator<String> names = entry.getValue().fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        String before = entry.getValue().path(name).isNull() ? null : entry.getValue().path(name).asText();
        String after = current.path(name).isNull() || current.path(name).isMissingNode() ? null : current.path(name).asText();
        if (before == null ? after != null : !before.equals(after)) {
          differences.add(entry.getKey() + ", " + name + ": «" + before + "» → «" + after + "»");
        }
      }
    }
    for (String key : now.keySet()) {
      if (!sealed.containsKey(key)) {
        differences.add(key + ": agregado después del sello");
      }
    }
    return differences;
  }
}
