package mx.org.iecm.pgd.audit;

import java.util.List;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code caseSeals}: the closed cycles whose record is not sealed yet. They are
 * retried every minute ({@link PendingSeals}); the component stays UP (a node can serve requests
 * meanwhile) and lists them, with their attempts and last error, for whoever reads the details.
 */
@Component
@ConditionalOnEnabledHealthIndicator("caseSeals")
class CaseSealsHealthIndicator extends AbstractHealthIndicator {

  private final CaseSeals seals;

  CaseSealsHealthIndicator(CaseSeals seals) {
    super("No se pudo consultar qué ciclos cerrados esperan su sello");
    this.seals = seals;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    List<CaseSeals.Pending> pending = seals.pending();
    builder.up().withDetail("ciclosCerradosSinSello", pending.size());
    if (!pending.isEmpty()) {
      builder.withDetail("pendientes", pending.stream().limit(20).toList());
    }
  }
}
