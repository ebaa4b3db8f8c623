package mx.org.iecm.pgd.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mx.org.iecm.pgd.audit.CaseSeals;
import mx.org.iecm.pgd.evidence.EvidenceFiles;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.Applications;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.EmbeddedPostgresServer;
import mx.org.iecm.pgd.support.Shell;
import mx.org.iecm.pgd.support.Submissions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's backup and restore, end to end: the database and its two roles made by
 * {@code ops/postgres/create-database.sql}, the application running with the least-privileged
 * role, a backup by {@code ops/backup/pgd-backup.sh} while it runs, a restore by
 * {@code ops/backup/pgd-restore.sh} into a new database, and the application started on the copy.
 *
 * <p>Runs in the JVM of the whole-application tests (see the surefire configuration).
 */
class BackupRestoreTest {

  private static final String SOURCE = "pgd_respaldo";
  private static final String COPY = "pgd_restaurada";
  private static final String OWNER = "pgd_owner";
  private static final String APP = "pgd_app";
  private static final String OWNER_PASSWORD = "Propietario-2026";
  private static final String APP_PASSWORD = "Aplicacion-2026";
  private static final List<String> CLOSED = List.of("PGD-2020-2023:11.1:2021", "PGD-2020-2023:11.1:2022");
  private static final String RUNNING = "PGD-2020-2023:1.1:2023";

  @TempDir
  Path backups;

  @Test
  void aBackupRestoredIntoANewDatabaseRunsWithEveryCycleTaskAndSealIntact() throws IOException {
    Map<String, String> superuser = Shell.libpq(EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, "postgres");
    Shell.succeed(superuser, List.of("psql", "--quiet", "-v", "db=" + SOURCE, "-v", "owner=" + OWNER,
        "-v", "app=" + APP, "-v", "owner_password=" + OWNER_PASSWORD, "-v", "app_password=" + APP_PASSWORD,
        "-f", "ops/postgres/create-database.sql"));
    List<Path> old = oldArchives(9, 60);
    Path recent = archive("20261116T023000Z", 10);

    State before;
    Path archive;
    try (ConfigurableApplicationContext app = start(SOURCE)) {
      JdbcTemplate asApplication = app.getBean(JdbcTemplate.class);
      assertThatThrownBy(() -> asApplication.execute("CREATE TABLE intrusa (id int)"))
          .rootCause().hasMessageContaining("permission denied for schema public");
      assertThat(asApplication.queryForObject(
          "SELECT tableowner FROM pg_tables WHERE tablename = 'act_ru_task'", String.class)).isEqualTo(OWNER);

      buildHistory(app);
      before = State.of(app);
      assertThat(before.seals()).containsOnlyKeys(CLOSED).allSatisfy((key, intact) -> assertThat(intact).isTrue());
      assertThat(before.openTasks()).hasSize(39);
      assertThat(before.evidenceHashes()).as("the results of each closed cycle carry their evidence").hasSize(2)
          .allSatisfy((id, hashes) -> assertThat(hashes.split(" ")[0]).isEqualTo(hashes.split(" ")[1]));

      Map<String, String> backup = new HashMap<>(Shell.libpq(OWNER, OWNER_PASSWORD, SOURCE));
      backup.putAll(Map.of("PGD_BACKUP_DIR", backups.toString(), "PGD_BACKUP_KEEP_DAYS", "35",
          "PGD_BACKUP_KEEP_MIN", "7"));
      String output = Shell.succeed(backup, List.of("ops/backup/pgd-backup.sh"));
      archive = Path.of(Shell.lastLineOf(output));
      assertThat(output).contains("4 eliminados");
    }

    assertThat(archive).exists().hasFileName(archive.getFileName().toString());
    assertThat(archive.resolveSibling(archive.getFileName() + ".sha256")).exists();
    try (Stream<Path> kept = Files.list(backups)) {
      assertThat(kept.filter(path -> path.toString().endsWith(".dump")))
          .hasSize(7)
          .contains(archive, recent, old.get(0), old.get(4))
          .doesNotContain(old.get(5), old.get(8));
    }

    Shell.Result refused = Shell.run(superuser, List.of("ops/backup/pgd-restore.sh", archive.toString(), SOURCE));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("La base " + SOURCE + " ya existe");

    String restored = Shell.succeed(superuser, List.of("ops/backup/pgd-restore.sh", archive.toString(), COPY));
    assertThat(restored).contains("Restauración lista: base " + COPY);

    try (ConfigurableApplicationContext app = start(COPY)) {
      State after = State.of(app);
      assertThat(after).isEqualTo(before);

      // The restored copy is a working installation: the running cycle goes on.
      driver(app).complete(RUNNING, "deoeyg-staff1", "deoeyg-staff", Submissions.workProgram(2023));
      assertThat(app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(RUNNING)
          .taskCandidateGroup("deoeyg-head").count()).isEqualTo(1);
    }
  }

  /** Two closed (sealed) cycles, the 39 lines of 2023 running, one of them past its draft. */
  private static void buildHistory(ConfigurableApplicationContext app) {
    CycleService cycles = app.getBean(CycleService.class);
    CycleDriver driver = driver(app);
    for (String key : CLOSED) {
      int year = Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
      cycles.startLine(year, "11.1");
      driver.plan(key, year, "osgce", List.of());
      driver.reportTheYear(key, "osgce");
      driver.review(key, "osgce");
      driver.close(key, "osgce");
    }
    cycles.startYear(2023);
    driver.complete(RUNNING, "deoeyg-staff1", "deoeyg-staff", Submissions.workProgram(2023));
    driver.complete(RUNNING, "deoeyg-head1", "deoeyg-head", Submissions.returned("Falta el calendario por trimestre."));
  }

  private static CycleDriver driver(ConfigurableApplicationContext app) {
    return new CycleDriver(app.getBean(TaskService.class), app.getBean(IdentityService.class),
        app.getBean(RuntimeService.class), app.getBean(ManagementService.class), app.getBean(javax.sql.DataSource.class));
  }

  private static ConfigurableApplicationContext start(String database) {
    return Applications.start(List.of(
        "PGD_DB_URL=" + EmbeddedPostgresServer.url(database),
        "PGD_DB_USER=" + APP,
        "PGD_DB_PASSWORD=" + APP_PASSWORD,
        "PGD_DB_MIGRATION_USER=" + OWNER,
        "PGD_DB_MIGRATION_PASSWORD=" + OWNER_PASSWORD,
        "PGD_ADMIN_USER=jefatura.sistemas",
        "PGD_ADMIN_PASSWORD=Cambiar-esta-clave-2026",
        // Nothing may move between the two snapshots but what the test does.
        "camunda.bpm.job-execution.enabled=false"));
  }

  private List<Path> oldArchives(int count, int ageDays) throws IOException {
    List<Path> archives = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      archives.add(archive("2026091%dT023000Z".formatted(i), ageDays + i));
    }
    return archives;
  }

  /** A previous night's archive (content irrelevant to the retention rule), {@code ageDays} old. */
  private Path archive(String stamp, int ageDays) throws IOException {
    Path archive = backups.resolve("pgd-" + SOURCE + "-" + stamp + ".dump");
    Files.writeString(archive, "respaldo anterior");
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minus(ageDays, ChronoUnit.DAYS)));
    return archive;
  }

  /**
   * What an installation holds: every process instance and task of the history with its state, the
   * open tasks and timers, the rows of the application's own tables, and each seal's verification.
   */
  record State(List<String> instances, List<String> tasks, List<String> openTasks, long timers,
      Map<String, Long> ownRows, Map<String, Boolean> seals, Map<String, String> evidenceHashes) {

    static State of(ConfigurableApplicationContext app) {
      HistoryService history = app.getBean(HistoryService.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      CaseSeals seals = app.getBean(CaseSeals.class);
      List<String> instances = history.createHistoricProcessInstanceQuery().orderByProcessInstanceId().asc().list()
          .stream().map(i -> i.getId() + " " + i.getBusinessKey() + " " + i.getProcessDefinitionKey() + " "
              + i.getState() + " " + i.getEndTime()).toList();
      List<String> tasks = history.createHistoricTaskInstanceQuery().orderByHistoricActivityInstanceId().asc()
          .orderByTaskId().asc().list().stream()
          .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee() + " " + t.getDeleteReason()
              + " " + t.getEndTime()).toList();
      List<String> open = app.getBean(TaskService.class).createTaskQuery().orderByTaskId().asc().list().stream()
          .map(t -> t.getId() + " " + t.getName()).toList();
      long timers = app.getBean(ManagementService.class).createJobQuery().timers().count();
      Map<String, Long> rows = new java.util.TreeMap<>();
      for (String table : List.of("pgd_case_journal", "pgd_case_seal", "pgd_program_version", "pgd_lesson_learned",
          "pgd_evidence_file", "pgd_evidence_chunk")) {
        rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
      }
      Map<String, Boolean> verified = new java.util.TreeMap<>();
      jdbc.queryForList("SELECT business_key FROM pgd_case_seal", String.class)
          .forEach(key -> verified.put(key, seals.verify(key).intact()));
      // Each evidence file's SHA-256 as recorded, and as its stored bytes hash now.
      EvidenceFiles evidence = app.getBean(EvidenceFiles.class);
      Map<String, String> hashes = new java.util.TreeMap<>();
      jdbc.queryForList("SELECT id, sha256 FROM pgd_evidence_file").forEach(row -> hashes.put((String) row.get("id"),
          row.get("sha256") + " " + evidence.digestOfStoredBytes((String) row.get("id"))));
      return new State(instances, tasks, open, timers, rows, verified, hashes);
    }
  }
}
