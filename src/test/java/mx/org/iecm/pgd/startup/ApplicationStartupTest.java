package mx.org.iecm.pgd.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.InvalidCatalogException;
import mx.org.iecm.pgd.support.Applications;
import mx.org.iecm.pgd.support.EmbeddedPostgresServer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application started as an operator starts it: without configuration, in the demo mode on
 * H2, and in production mode on PostgreSQL.
 *
 * <p>It runs in a test JVM of its own (see the surefire configuration): the Camunda webapps keep
 * process-wide state that would otherwise point the shared test context at these short-lived applications.
 */
class ApplicationStartupTest {

  private static final String PRODUCTION_ADMIN = "jefatura.sistemas";
  private static final String PRODUCTION_PASSWORD = "Cambiar-esta-clave-2026";

  @TempDir
  Path folder;

  @Test
  void withoutProfileOrConfigurationItRefusesToStartAndSaysWhatToConfigure() {
    assertThatThrownBy(() -> start(List.of()))
        .satisfies(failure -> {
          FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription())
              .contains("falta PGD_DB_URL", "falta PGD_DB_USER", "falta PGD_DB_PASSWORD",
                  "falta PGD_ADMIN_USER", "falta PGD_ADMIN_PASSWORD");
          assertThat(analysis.getAction()).contains("README.md", "mvn spring-boot:run");
        });
  }

  @Test
  void outsideTheDemoModeTheDemoPasswordAndH2AreRefused() {
    assertThatThrownBy(() -> start(List.of(
        "PGD_DB_URL=jdbc:h2:mem:prod",
        "PGD_DB_USER=pgd",
        "PGD_DB_PASSWORD=secreto",
        "PGD_ADMIN_USER=admin",
        "PGD_ADMIN_PASSWORD=demo")))
        .satisfies(failure -> assertThat(new StartupFailureAnalyzer().analyze(failure).getDescription())
            .contains("PGD_DB_URL debe ser una URL de PostgreSQL",
                "PGD_ADMIN_PASSWORD no puede ser la contraseña de demostración"));
  }

  @Test
  void brokenCatalogStopsStartUpNamingFileEntryAndProblem() throws IOException {
    Files.writeString(folder.resolve("pgd-2020-2023.yaml"), shipped("plan/pgd-2020-2023.yaml")
        .replace("id: \"1.2\"", "id: \"1.1\""));

    assertThatThrownBy(() -> start(demoOnH2("jdbc:h2:mem:broken-catalog",
        "pgd.catalog.plans=file:" + folder + "/pgd-*.yaml")))
        .hasRootCauseInstanceOf(InvalidCatalogException.class)
        .satisfies(failure -> assertThat(new StartupFailureAnalyzer().analyze(failure).getDescription())
            .contains("pgd-2020-2023.yaml — línea de acción 1.1: número de línea duplicado"));
  }

  @Test
  void demoModeKeepsItsH2FileAcrossRestartsAndCreatesNothingTwice() {
    String url = "jdbc:h2:file:" + folder.resolve("data/pgd-demo") + ";DB_CLOSE_ON_EXIT=FALSE";

    Directory first;
    try (ConfigurableApplicationContext app = start(demoOnH2(url))) {
      first = Directory.of(app.getBean(IdentityService.class));
    }
    assertThat(folder.resolve("data/pgd-demo.mv.db")).exists();
    Directory second;
    try (ConfigurableApplicationContext app = start(demoOnH2(url))) {
      IdentityService identity = app.getBean(IdentityService.class);
      second = Directory.of(identity);
      assertThat(identity.checkPassword("admin", "demo")).isTrue();
      // The second start found the changelog it was brought up to date with, and left Liquibase out.
      assertThat(new JdbcTemplate(app.getBean(DataSource.class))
          .queryForList("select fingerprint from pgd_schema_stamp", String.class)).hasSize(1);
      // The processes deployed by the first start run in the application's context again.
      String deployment = app.getBean(RepositoryService.class).createDeploymentQuery()
          .deploymentName("pgd-workflows").singleResult().getId();
      assertThat(app.getBean(ManagementService.class).getProcessApplicationForDeployment(deployment))
          .as("process application registered for the deployment of the first start").isNotNull();
    }

    assertThat(second).isEqualTo(first);
    assertThat(first.groups()).hasSize(40);
    assertThat(first.users()).contains("admin", "admin2", "deoeyg-staff1", "deoeyg-head2", "sgce1", "auditor2");
  }

  @Test
  void productionModeOnPostgresCreatesTheGroupsAndOnlyTheConfiguredAdministrator() {
    String url = EmbeddedPostgresServer.newDatabase("pgd_production");

    try (ConfigurableApplicationContext app = start(List.of(
        "PGD_DB_URL=" + url,
        "PGD_DB_USER=" + EmbeddedPostgresServer.USER,
        "PGD_DB_PASSWORD=" + EmbeddedPostgresServer.PASSWORD,
        "PGD_ADMIN_USER=" + PRODUCTION_ADMIN,
        "PGD_ADMIN_PASSWORD=" + PRODUCTION_PASSWORD))) {
      IdentityService identity = app.getBean(IdentityService.class);

      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(PRODUCTION_ADMIN);
      assertThat(identity.createGroupQuery().count()).isEqualTo(40);
      assertThat(identity.createGroupQuery().groupMember(PRODUCTION_ADMIN).singleResult().getId())
          .isEqualTo(Groups.CAMUNDA_ADMIN);
      assertThat(identity.checkPassword(PRODUCTION_ADMIN, PRODUCTION_PASSWORD)).isTrue();
    }
  }

  /** Groups, users and memberships as the identity service has them. */
  record Directory(List<String> groups, List<String> users, List<String> memberships) {

    static Directory of(IdentityService identity) {
      List<String> groups = identity.createGroupQuery().orderByGroupId().asc().list().stream()
          .map(Group::getId).toList();
      List<String> users = identity.createUserQuery().orderByUserId().asc().list().stream()
          .map(User::getId).toList();
      List<String> memberships = new ArrayList<>();
      for (String group : groups) {
        identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
            .forEach(user -> memberships.add(group + "/" + user.getId()));
      }
      return new Directory(groups, users, memberships);
    }
  }

  private static List<String> demoOnH2(String url, String... more) {
    List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + url));
    properties.addAll(List.of(more));
    return properties;
  }

  /** H2 settings without an administrator mean the demo mode. */
  private static ConfigurableApplicationContext start(List<String> settings) {
    boolean demo = settings.stream().anyMatch(setting -> setting.startsWith("spring.datasource.url=jdbc:h2"));
    return demo ? Applications.start(settings, "demo") : Applications.start(settings);
  }

  private static String shipped(String location) throws IOException {
    try (var in = new ClassPathResource(location).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
