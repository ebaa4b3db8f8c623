package mx.org.iecm.pgd.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OptionalSettingsTest {

  @Test
  void aMigrationRoleAndANodeNameBecomeLiquibaseAndEngineSettingsOnlyWhenGiven() {
    MockEnvironment given = production()
        .withProperty("PGD_DB_MIGRATION_USER", "pgd_owner")
        .withProperty("PGD_DB_MIGRATION_PASSWORD", "Propietario-2026")
        .withProperty("PGD_NODE_NAME", "pgd-2");
    new OptionalSettings().postProcessEnvironment(given, null);

    assertThat(given.getProperty("spring.liquibase.user")).isEqualTo("pgd_owner");
    assertThat(given.getProperty("spring.liquibase.password")).isEqualTo("Propietario-2026");
    assertThat(given.getProperty("camunda.bpm.generic-properties.properties.hostname")).isEqualTo("pgd-2");
    assertThat(RequiredSettingsCheck.problems(given)).isEmpty();

    MockEnvironment absent = production().withProperty("PGD_DB_MIGRATION_USER", " ").withProperty("PGD_NODE_NAME", "");
    new OptionalSettings().postProcessEnvironment(absent, null);
    assertThat(absent.containsProperty("spring.liquibase.user")).isFalse();
    assertThat(absent.containsProperty("camunda.bpm.generic-properties.properties.hostname")).isFalse();
  }

  @Test
  void aMigrationRoleWithoutItsPasswordIsRefusedByName() {
    MockEnvironment environment = production().withProperty("PGD_DB_MIGRATION_USER", "pgd_owner");

    assertThat(RequiredSettingsCheck.problems(environment))
        .containsExactly("falta PGD_DB_MIGRATION_PASSWORD (se indicó PGD_DB_MIGRATION_USER)");
  }

  private static MockEnvironment production() {
    return new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/pgd")
        .withProperty("spring.datasource.username", "pgd_app")
        .withProperty("spring.datasource.password", "Aplicacion-2026")
        .withProperty("camunda.bpm.admin-user.id", "jefatura.sistemas")
        .withProperty("camunda.bpm.admin-user.password", "Cambiar-esta-clave-2026");
  }
}
