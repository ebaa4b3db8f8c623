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
   * Requests of one session that arrive together (a webapp loads its page, scripts and data at once)
   * may both add the same new session attribute; Spring Session's plain INSERT then fails the second
   * with a duplicate key and the person gets an error page. Adding an attribute becomes an upsert.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpsert(DataSource dataSource)
      throws MetaDataAccessException {
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    if ("PostgreSQL".equals(database)) {
      return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
    if ("H2".equals(database)) {
      return repository -> repository.setCreateSessionAttributeQuery(H2_ATTRIBUTE_UPSERT);
    }
    return repository -> { };
  }

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
