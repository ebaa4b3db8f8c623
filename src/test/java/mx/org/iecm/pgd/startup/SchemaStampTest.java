package mx.org.iecm.pgd.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import mx.org.iecm.pgd.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Liquibase runs at start only when its changelog changed since it last ran on the database: on a real
 * PostgreSQL, with a changelog whose every run leaves a row ({@code runAlways}), so a run that was
 * skipped shows.
 */
class SchemaStampTest {

  private static final String CHANGELOG = """
      databaseChangeLog:
        - changeSet:
            id: stamp-table
            author: test
            changes:
              - createTable:
                  tableName: pgd_schema_stamp
                  columns:
                    - column: {name: fingerprint, type: varchar(64), constraints: {primaryKey: true}}
                    - column: {name: stamped_at, type: timestamp, constraints: {nullable: false}}
              - createTable:
                  tableName: liquibase_run
                  columns:
                    - column: {name: at, type: timestamp}
        - changeSet:
            id: count-runs
            author: test
            runAlways: true
            changes:
              - sql: insert into liquibase_run values (current_timestamp)
      """;

  private static int databases;

  @TempDir
  Path classPath;

  private DataSource dataSource;
  private JdbcTemplate db;

  @BeforeEach
  void newDatabase() {
    String url = EmbeddedPostgresServer.newDatabase("pgd_schema_stamp_" + ++databases);
    dataSource = new DriverManagerDataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    db = new JdbcTemplate(dataSource);
  }

  @Test
  void anUnchangedChangelogIsNotReadAgainAndAChangedOneIs() throws Exception {
    writeChangelog(CHANGELOG);

    start();
    assertThat(runs()).isEqualTo(1);
    assertThat(stamps()).isEqualTo(1);

    start();
    start();
    assertThat(runs()).as("Liquibase runs of the same changelog").isEqualTo(1);

    writeChangelog(CHANGELOG + """
          - changeSet:
              id: new-table
              author: test
              changes:
                - createTable:
                    tableName: added_later
                    columns:
                      - column: {name: id, type: int}
        """);
    start();
    assertThat(runs()).isEqualTo(2);
    assertThat(db.queryForObject("select count(*) from added_later", Integer.class)).isZero();
    assertThat(stamps()).isEqualTo(2);

    start();
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void anotherFileInTheChangelogsFolderAlsoCountsAsAChange() throws Exception {
    writeChangelog(CHANGELOG);
    start();
    Files.writeString(classPath.resolve("changelogs/notes.sql"), "-- a file an include could name");

    start();

    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void otherContextsAreAnotherChangelog() throws Exception {
    writeChangelog(CHANGELOG);
    start();

    SpringLiquibase withContexts = liquibase();
    withContexts.setContexts("demo");
    run(withContexts);

    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void aChangelogOutsideTheFingerprintedFoldersRunsEveryTimeAndIsNeverStamped() throws Exception {
    writeChangelog(CHANGELOG);

    run(liquibase(), "elsewhere/");
    run(liquibase(), "elsewhere/");

    assertThat(runs()).isEqualTo(2);
    assertThat(stamps()).isZero();
  }

  /** What the application context does with the Liquibase bean: post-processors around its start. */
  private void start() throws Exception {
    run(liquibase());
  }

  private void run(SpringLiquibase liquibase) throws Exception {
    run(liquibase, "changelogs/");
  }

  private void run(SpringLiquibase liquibase, String fingerprinted) throws Exception {
    ClassLoader loader = loader();
    SchemaStamp stamp = new SchemaStamp(new PathMatchingResourcePatternResolver(loader), List.of(fingerprinted),
        new StaticListableBeanFactory(Map.of("dataSource", dataSource)).getBeanProvider(DataSource.class));
    liquibase.setResourceLoader(new DefaultResourceLoader(loader));
    Object bean = stamp.postProcessBeforeInitialization(liquibase, "liquibase");
    ((SpringLiquibase) bean).afterPropertiesSet();
    stamp.postProcessAfterInitialization(bean, "liquibase");
  }

  private SpringLiquibase liquibase() {
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog("classpath:changelogs/changelog.yaml");
    return liquibase;
  }

  private ClassLoader loader() throws IOException {
    return new URLClassLoader(new URL[] {classPath.toUri().toURL()}, getClass().getClassLoader());
  }

  private void writeChangelog(String text) throws IOException {
    Files.createDirectories(classPath.resolve("changelogs"));
    Files.writeString(classPath.resolve("changelogs/changelog.yaml"), text);
  }

  private int runs() {
    return db.queryForObject("select count(*) from liquibase_run", Integer.class);
  }

  private int stamps() {
    return db.queryForObject("select count(*) from pgd_schema_stamp", Integer.class);
  }
}
