package mx.org.iecm.pgd.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import mx.org.iecm.pgd.audit.CaseRecord.SealInfo;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.closure.ClosureProcess;
import mx.org.iecm.pgd.evidence.EvidenceFiles;
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
  private final PlanCatalog catalog;
  private final EvidenceFiles evidence;

  CaseSeals(DataSource dataSource, CaseHistoryReader reader, Clock clock, PlanCatalog catalog,
      EvidenceFiles evidence) {
    this.jdbc = JdbcClient.create(dataSource);
    this.reader = reader;
    this.clock = clock;
    this.catalog = catalog;
    this.evidence = evidence;
  }

  /**
   * The answer of a verification. {@code complete}: whether the cycle showed, when sealed, every approval
   * its processes require (null for a seal made before that was checked); {@code missingApprovals}: what it
   * lacks, as its record shows now.
   */
  public record Verification(String businessKey, boolean sealed, boolean intact, String algorithm,
      String sealedDigest, String currentDigest, java.time.Instant sealedAt, String sealedBy, List<String> differences,
      Boolean complete, List<String> missingApprovals) {
  }

  /** A closed cycle still to be sealed. */
  public record Pending(String businessKey, Instant closedAt, int attempts, String lastError) {
  }

  /** Notes, in the closing transaction, that the cycle is to be sealed: the note commits with the closure. */
  public void markPending(String businessKey) {
    if (jdbc.sql("SELECT count(*) FROM pgd_case_seal_pending WHERE business_key = ?").param(businessKey)
        .query(Integer.class).single() == 0) {
      jdbc.sql("INSERT INTO pgd_case_seal_pending (business_key, closed_at, attempts) VALUES (?, ?, 0)")
          .params(businessKey, Timestamp.from(clock.instant())).update();
    }
  }

  /** Closed cycles not sealed yet, oldest first. */
  public List<Pending> pending() {
    return jdbc.sql("""
            SELECT business_key, closed_at, attempts, last_error FROM pgd_case_seal_pending
            ORDER BY closed_at, business_key""")
        .query((rs, row) -> new Pending(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
            rs.getString(4)))
        .list();
  }

  /** Records a failed attempt to seal (in a transaction of its own: the attempt's was rolled back). */
  public void failedAttempt(String businessKey, RuntimeException failure) {
    String error = String.valueOf(failure.getMessage());
    jdbc.sql("UPDATE pgd_case_seal_pending SET attempts = attempts + 1, last_error = ? WHERE business_key = ?")
        .params(error.length() > 1000 ? error.substring(0, 1000) : error, businessKey).update();
  }

  /** Seals the cycle's record as it is now; a cycle is sealed once. Its pending note goes with it. */
  public void seal(String businessKey) {
    jdbc.sql("DELETE FROM pgd_case_seal_pending WHERE business_key = ?").param(businessKey).update();
    if (find(businessKey).isPresent()) {
      return;
    }
    CaseHistory history = reader.read(businessKey);
    String text = CanonicalRecord.text(CanonicalRecord.records(history));
    List<String> missing = RequiredApprovals.missing(catalog, businessKey, history);
    String signer = history.journal().stream()
        .filter(entry -> ClosureProcess.TASK_SIGN_CLOSURE.equals(entry.taskKey()))
        .reduce((first, second) -> second).map(CaseJournal.Entry::actor).orElse(null);
    jdbc.sql("""
            INSERT INTO pgd_case_seal (business_key, algorithm, digest, canonical_record, sealed_by, sealed_at,
                complete)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(businessKey, CanonicalRecord.ALGORITHM, CanonicalRecord.digest(text), text, signer,
            Timestamp.from(clock.instant()), missing.isEmpty())
        .update();
    if (missing.isEmpty()) {
      LOG.info("Cycle {}: record sealed ({} records)", businessKey, text.length());
    } else {
      LOG.warn("Cycle {}: record sealed as incomplete, it lacks: {}", businessKey, missing);
    }
  }

  public Optional<SealInfo> find(String businessKey) {
    return jdbc.sql("SELECT algorithm, digest, sealed_at, sealed_by, complete FROM pgd_case_seal WHERE business_key = ?")
        .param(businessKey)
        .query((rs, row) -> new SealInfo(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getString(4), rs.getObject(5, Boolean.class)))
        .optional();
  }

  public Verification verify(String businessKey) {
    var stored = jdbc.sql("""
            SELECT algorithm, digest, canonical_record, sealed_at, sealed_by, complete FROM pgd_case_seal
            WHERE business_key = ?""")
        .param(businessKey)
        .query((rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getObject(6, Boolean.class)})
        .optional();
    if (stored.isEmpty()) {
      return new Verification(businessKey, false, false, null, null, null, null, null,
          List.of("El expediente no tiene sello: el ciclo no ha sido cerrado con la firma del SGCE."), null, List.of());
    }
    Object[] seal = stored.get();
    CaseHistory history = reader.read(businessKey);
    Map<String, ObjectNode> now = CanonicalRecord.records(history);
    String currentText = CanonicalRecord.text(now);
    String currentDigest = CanonicalRecord.digest(currentText);
    List<String> differences = new ArrayList<>(differences(CanonicalRecord.parse((String) seal[2]), now));
    differences.addAll(changedEvidence(history));
    boolean intact = currentDigest.equals(seal[1]) && differences.isEmpty();
    if (!intact && differences.isEmpty()) {
      differences = List.of("El contenido sellado no coincide con su huella.");
    }
    return new Verification(businessKey, true, intact, (String) seal[0], (String) seal[1], currentDigest,
        (java.time.Instant) seal[3], (String) seal[4], differences, (Boolean) seal[5],
        RequiredApprovals.missing(catalog, businessKey, history));
  }

  /**
   * The evidence files whose bytes no longer hash to the SHA-256 recorded when they were uploaded (the
   * record the seal covers holds that hash): each file is read again, a chunk at a time.
   */
  private List<String> changedEvidence(CaseHistory history) {
    List<String> changed = new ArrayList<>();
    for (var file : history.evidence()) {
      String now = evidence.digestOfStoredBytes(file.id());
      if (!now.equals(file.sha256())) {
        changed.add("archivo:" + file.id() + " («" + file.fileName() + "»): su contenido cambió; su SHA-256 era "
            + file.sha256() + " y ahora es " + now);
      }
    }
    return changed;
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
