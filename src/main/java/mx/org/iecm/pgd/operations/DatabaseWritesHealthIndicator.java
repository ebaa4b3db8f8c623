package mx.org.iecm.pgd.operations;

import javax.sql.DataSource;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health component {@code databaseWrites}: DOWN when PostgreSQL is up but refuses changes (a
 * read-only database or a standby server), which the plain connection check does not notice.
 */
@Component
@ConditionalOnEnabledHealthIndicator("databaseWrites")
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
class DatabaseWritesHealthIndicator extends AbstractHealthIndicator {

  private final JdbcTemplate jdbc;

  DatabaseWritesHealthIndicator(DataSource dataSource) {
    super("No se pudo comprobar si la base de datos acepta cambios");
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Boolean readOnly = jdbc.queryForObject(
        "SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery()", Boolean.class);
    if (Boolean.TRUE.equals(readOnly)) {
      builder.down().withDetail("motivo", DatabaseFailure.READ_ONLY.message());
    } else {
      builder.up();
    }
  }
}
