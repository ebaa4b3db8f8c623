package mx.org.iecm.pgd.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the shared integration-test context at its own database on the embedded PostgreSQL.
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static String url;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedPostgresServer.usedBy(context);
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
        "spring.datasource.url", url(),
        "spring.datasource.username", EmbeddedPostgresServer.USER,
        "spring.datasource.password", EmbeddedPostgresServer.PASSWORD)));
  }

  private static synchronized String url() {
    if (url == null) {
      url = EmbeddedPostgresServer.newDatabase("pgd_it");
    }
    return url;
  }
}
