package mx.org.iecm.pgd.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  /** Camunda's REST resources plus the 503 answers for database failures. */
  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(DatabaseFailureMapper.OfEngine.class);
        register(DatabaseFailureMapper.OfSpring.class);
      }
    };
  }

  /**
   * Two changes to how Spring Session writes a session to the database.
   *
   * <p>Requests of one session that arrive together (a webapp loads its page, scripts and data at once)
   * may both add the same new session attribute; Spring Session's plain INSERT then fails the second
   * with a duplicate key and the person gets an error page. Adding an attribute becomes an upsert.
   *
   * <p>On PostgreSQL, a request no longer rewrites what it did not change: the session's row only to move
   * its last access time ({@link #POSTGRESQL_SESSION_UPDATE}), an attribute set again to the same value
   * ({@link #POSTGRESQL_ATTRIBUTE_UPDATE}).
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionQueries(DataSource dataSource)
      throws MetaDataAccessException {
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    if ("PostgreSQL".equals(database)) {
      PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
      return repository -> {
        upsert.customize(repository);
        repository.setUpdateSessionQuery(POSTGRESQL_SESSION_UPDATE);
        repository.setUpdateSessionAttributeQuery(POSTGRESQL_ATTRIBUTE_UPDATE);
      };
    }
    if ("H2".equals(database)) {
      return repository -> repository.setCreateSessionAttributeQuery(H2_ATTRIBUTE_UPSERT);
    }
    return repository -> { };
  }

  /**
   * Spring Session's update of a session's row, with the same parameters in the same order, that leaves
   * the row as it is when the only change is a last access less than a thirtieth of the session's
   * timeout (at most a minute) after the stored one. Every request of a logged-in person moves the last
   * access time, and writing it each time made every webapp call a write transaction: a new version of
   * the row, four index entries and a commit (BENCHMARKS.md §15). A new id (at login), another person,
   * another timeout, or an access that much later is written as before. The stored last access, and
   * with it the expiry, is then at most that interval behind the true one: an idle session may end up
   * to a minute before its timeout (with the default 30 minutes), never later. The keys keep their
   * column's type, so that the row is found by its index; the other values are cast without a length, so
   * that a value too long for its column is refused as before instead of cut.
   */
  static final String POSTGRESQL_SESSION_UPDATE = """
      UPDATE %TABLE_NAME% AS s
      SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
        MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
        PRINCIPAL_NAME = v.principal_name
      FROM (SELECT CAST(? AS VARCHAR) AS session_id, CAST(? AS BIGINT) AS last_access_time,
        CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
        CAST(? AS VARCHAR) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) AS v
      WHERE s.PRIMARY_ID = v.primary_id
        AND (s.SESSION_ID <> v.session_id
          OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
          OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
          OR v.last_access_time - s.LAST_ACCESS_TIME
            >= LEAST(60000, CAST(s.MAX_INACTIVE_INTERVAL AS BIGINT) * 1000 / 30))
      """;

  /**
   * Spring Session's update of an attribute, with the same parameters in the same order, that leaves the
   * row as it is when the attribute's bytes did not change. The webapps set their login
   * ({@code authenticatedUser}) into the session again at the end of every call to their API, and Spring
   * Session wrote it (about a kilobyte) each time.
   */
  static final String POSTGRESQL_ATTRIBUTE_UPDATE = """
      UPDATE %TABLE_NAME%_ATTRIBUTES AS a
      SET ATTRIBUTE_BYTES = v.attribute_bytes
      FROM (SELECT CAST(? AS BYTEA) AS attribute_bytes, CAST(? AS CHAR(36)) AS session_primary_id,
        CAST(? AS VARCHAR) AS attribute_name) AS v
      WHERE a.SESSION_PRIMARY_ID = v.session_primary_id AND a.ATTRIBUTE_NAME = v.attribute_name
        AND a.ATTRIBUTE_BYTES IS DISTINCT FROM v.attribute_bytes
      """;

  static final String H2_ATTRIBUTE_UPSERT = """
      MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
      VALUES (?, ?, ?)
      """;

  /** Ahead of the session store (Spring Session's filter) and of Spring Security. */
  @Bean
  FilterRegistrationBean<DatabaseFailureFilter> databaseFailureFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<DatabaseFailureFilter> registration =
        new FilterRegistrationBean<>(new DatabaseFailureFilter(objectMapper));
    registration.setOrder(Integer.MIN_VALUE + 10);
    return registration;
  }
}
