package mx.org.iecm.pgd.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the shared integration-test context at its own database on the embedded PostgreSQL and at
 * the in-process SMTP server, with the job executor off so that tests execute due jobs explicitly.
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static String url;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedPostgresServer.usedBy(context);
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
        "spring.datasource.url", url(),
        "spring.datasource.username", EmbeddedPostgresServer.USER,
        "spring.datasource.password", EmbeddedPostgresServer.PASSWORD,
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(MailServer.get().getSmtp().getPort()),
        // Tests run due jobs themselves, at the moment they choose.
        "camunda.bpm.job-execution.enabled", "false")));
  }

  private static synchronized String url() {
    if (url == null) {
      url = EmbeddedPostgresServer.newDatabase("pgd_it");
    }
    return url;
  }
}
