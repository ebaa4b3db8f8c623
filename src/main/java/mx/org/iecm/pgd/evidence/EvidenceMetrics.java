package mx.org.iecm.pgd.evidence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import org.springframework.stereotype.Component;

/**
 * What evidence weighs in the database (Prometheus at {@code /actuator/prometheus}):
 * {@code pgd_evidence_bytes{area}}, the bytes of the cycles of each responsible area, and
 * {@code pgd_evidence_cycle_max_bytes}, the heaviest cycle. One query per snapshot, kept a few seconds.
 */
@Component
class EvidenceMetrics implements MeterBinder {

  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

  private final EvidenceFiles files;
  private final PlanCatalog catalog;
  private final Clock clock;
  private Instant takenAt;
  private Map<String, Long> bytesPerArea = Map.of();
  private long heaviestCycle;

  EvidenceMetrics(EvidenceFiles files, PlanCatalog catalog, Clock clock) {
    this.files = files;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Area area : catalog.areas()) {
      Gauge.builder("pgd.evidence.bytes", this, metrics -> metrics.bytesOf(area.code()))
          .description("Bytes de evidencias de los ciclos del área responsable")
          .baseUnit("bytes")
          .tag("area", area.code())
          .register(registry);
    }
    Gauge.builder("pgd.evidence.cycle.max", this, EvidenceMetrics::heaviestCycle)
        .description("Bytes de evidencias del ciclo que más tiene")
        .baseUnit("bytes")
        .register(registry);
  }

  synchronized long bytesOf(String area) {
    refreshIfOld();
    return bytesPerArea.getOrDefault(area, 0L);
  }

  synchronized long heaviestCycle() {
    refreshIfOld();
    return heaviestCycle;
  }

  /** Takes the next reading from the database, whatever the age of the last one. */
  synchronized void refresh() {
    takenAt = null;
  }

  private void refreshIfOld() {
    Instant now = clock.instant();
    if (takenAt != null && takenAt.plus(SNAPSHOT_TTL).isAfter(now)) {
      return;
    }
    Map<String, Long> perArea = new HashMap<>();
    long heaviest = 0;
    for (Map.Entry<String, Long> cycle : files.bytesPerCycle().entrySet()) {
      heaviest = Math.max(heaviest, cycle.getValue());
      BusinessKey.tryParse(cycle.getKey())
          .flatMap(key -> catalog.actionLine(key.planCode(), key.actionLineId()))
          .ifPresent(line -> perArea.merge(line.responsibleArea(), cycle.getValue(), Long::sum));
    }
    bytesPerArea = perArea;
    heaviestCycle = heaviest;
    takenAt = now;
  }
}
