package mx.org.iecm.pgd.startup;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings that only exist when their variable is set, because an empty value would mean something
 * else to the library that reads them:
 * <ul>
 *   <li>{@code PGD_DB_MIGRATION_USER}/{@code PGD_DB_MIGRATION_PASSWORD}: the database role that owns
 *       the schema and runs its migrations, while the application works with the least-privileged
 *       role of {@code PGD_DB_USER} (an empty Liquibase user would replace the application's);</li>
 *   <li>{@code PGD_NODE_NAME}: the node's name in the engine's job log and metrics (an empty name
 *       would replace the host name).</li>
 * </ul>
 */
class OptionalSettings implements EnvironmentPostProcessor {

  static final String MIGRATION_USER = "PGD_DB_MIGRATION_USER";
  static final String MIGRATION_PASSWORD = "PGD_DB_MIGRATION_PASSWORD";
  static final String NODE_NAME = "PGD_NODE_NAME";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> settings = new HashMap<>();
    String migrationUser = environment.getProperty(MIGRATION_USER, "");
    if (!migrationUser.isBlank()) {
      settings.put("spring.liquibase.user", migrationUser);
      settings.put("spring.liquibase.password", environment.getProperty(MIGRATION_PASSWORD, ""));
    }
    String node = environment.getProperty(NODE_NAME, "");
    if (!node.isBlank()) {
      settings.put("camunda.bpm.generic-properties.properties.hostname", node);
    }
    if (!settings.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("pgd-optional-settings", settings));
    }
  }
}
