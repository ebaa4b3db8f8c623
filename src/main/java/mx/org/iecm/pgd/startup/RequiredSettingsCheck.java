package mx.org.iecm.pgd.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start without a database and a first administrator, before any bean touches either.
 *
 * <p>Only the {@code demo} profile brings its own values (an H2 file database and the demo users).
 * Anywhere else the database must be PostgreSQL and nothing falls back to a default password.
 */
class RequiredSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

  static final String DEMO_PROFILE = "demo";
  static final String DEMO_PASSWORD = "demo";

  /** Each required property and the environment variable that sets it in production. */
  static final Map<String, String> REQUIRED = requiredSettings();

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new MissingSettingsException(problems);
    }
  }

  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    REQUIRED.forEach((property, variable) -> {
      String value = environment.getProperty(property);
      if (value == null || value.isBlank()) {
        problems.add("falta " + variable + " (propiedad " + property + ")");
      }
    });
    if (!environment.getProperty(OptionalSettings.MIGRATION_USER, "").isBlank()
        && environment.getProperty(OptionalSettings.MIGRATION_PASSWORD, "").isBlank()) {
      problems.add("falta " + OptionalSettings.MIGRATION_PASSWORD + " (se indicó "
          + OptionalSettings.MIGRATION_USER + ")");
    }
    if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
      return problems;
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
      problems.add("PGD_DB_URL debe ser una URL de PostgreSQL (jdbc:postgresql://servidor:5432/base); "
          + "otras bases de datos solo se admiten en el modo demo");
    }
    if (DEMO_PASSWORD.equals(environment.getProperty("camunda.bpm.admin-user.password"))) {
      problems.add("PGD_ADMIN_PASSWORD no puede ser la contraseña de demostración fuera del modo demo");
    }
    return problems;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  private static Map<String, String> requiredSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", "PGD_DB_URL");
    settings.put("spring.datasource.username", "PGD_DB_USER");
    settings.put("spring.datasource.password", "PGD_DB_PASSWORD");
    settings.put("camunda.bpm.admin-user.id", "PGD_ADMIN_USER");
    settings.put("camunda.bpm.admin-user.password", "PGD_ADMIN_PASSWORD");
    return Collections.unmodifiableMap(settings);
  }
}
