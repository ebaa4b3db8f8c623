package mx.org.iecm.pgd.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mx.org.iecm.pgd.support.EngineRest;
import mx.org.iecm.pgd.support.Shell;
import mx.org.iecm.pgd.support.Submissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Fault tests of the two-node cluster of {@code ops/cluster/cluster.sh}: real processes on loopback
 * (PostgreSQL, two packaged application nodes, nginx), driven through the proxy as clients would,
 * checked in the database. Run with {@code mvn -B verify -Pcluster}; the figures of each run go to
 * {@code target/cluster-it/fault-results.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

  private static final Path DIR = Path.of("target/cluster-it").toAbsolutePath();
  private static final int PG_PORT = 25432;
  private static final int PROXY_PORT = 28080;
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "Cluster-prueba-2026";
  private static final String PASSWORD = "Carga-2026";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter CAMUNDA_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, String> RESULTS = new LinkedHashMap<>();
  private static GreenMail mail;
  /** A new connection for each check: the database is stopped and started during the tests. */
  private static JdbcTemplate db;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster("stop");
    FileSystemUtils.deleteRecursively(DIR);
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    long started = System.nanoTime();
    cluster("start");
    RESULTS.put("Arranque del clúster (PostgreSQL, 2 nodos, nginx)", seconds(started) + " s");
    db = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + PG_PORT + "/pgd",
        "pgd_app", "Aplicacion-local-2026"));
  }

  @AfterAll
  static void stopCluster() throws IOException {
    for (int node = 1; node <= 2; node++) {
      RESULTS.put("Memoria del nodo " + node + " al final", memory(node));
    }
    cluster("stop");
    if (mail != null) {
      mail.stop();
    }
    StringBuilder report = new StringBuilder("| medición | valor |\n|---|---|\n");
    RESULTS.forEach((what, value) -> report.append("| ").append(what).append(" | ").append(value).append(" |\n"));
    Files.writeString(DIR.resolve("fault-results.md"), report);
    System.out.println(report);
  }

  /** (1) Steady task completions through the proxy; node 1 is killed with SIGKILL mid-run. */
  @Test
  @Order(1)
  void aKilledNodeLosesNoAcknowledgedCompletionAndTheOtherCarriesOn() throws Exception {
    List<Line> lines = new ArrayList<>();
    for (int year : new int[] {2022, 2023}) {
      assertThat(call("POST", "/api/cycles/" + year, ADMIN, ADMIN_PASSWORD, null).statusCode()).isEqualTo(201);
      lines.addAll(lines(year));
    }
    Set<String> areas = new TreeSet<>();
    lines.forEach(line -> areas.add(line.area()));
    for (String area : areas) {
      createUser(area + "-staff1", area + "-staff");
      createUser(area + "-head1", area + "-head");
    }
    createUser("gerencia1", "managers");

    int planned = lines.size() * 2;
    Load load = new Load();
    AtomicReference<Instant> killedAt = new AtomicReference<>();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>(lines);
    for (int i = 0; i < 4; i++) {
      workers.submit(() -> {
        for (Line line = queue.poll(); line != null; line = queue.poll()) {
          load.complete(line, line.area() + "-staff1", line.area() + "-staff", Submissions.workProgram(line.year()));
          if (load.acknowledged.get() >= planned * 35 / 100 && killedAt.compareAndSet(null, Instant.now())) {
            cluster("kill-node", "1");
          }
          load.complete(line, line.area() + "-head1", line.area() + "-head", Submissions.approve());
        }
        return null;
      });
    }
    workers.shutdown();
    assertThat(workers.awaitTermination(15, TimeUnit.MINUTES)).isTrue();

    assertThat(killedAt.get()).isNotNull();
    List<Completion> acknowledged = new ArrayList<>(load.completions);
    int found = 0;
    for (Completion completion : acknowledged) {
      found += db.queryForObject("SELECT count(*) FROM act_hi_taskinst WHERE id_ = ? AND end_time_ IS NOT NULL "
          + "AND delete_reason_ = 'completed'", Integer.class, completion.taskId());
    }
    int completedInDatabase = db.queryForObject("SELECT count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p "
        + "ON p.id_ = t.proc_inst_id_ WHERE t.end_time_ IS NOT NULL AND t.delete_reason_ = 'completed' "
        + "AND p.business_key_ IS NOT NULL", Integer.class);
    int duplicates = db.queryForObject("SELECT count(*) FROM (SELECT business_key, task_key FROM pgd_case_journal "
        + "WHERE kind <> 'escalation' GROUP BY business_key, task_key HAVING count(*) > 1) d", Integer.class);
    int journal = db.queryForObject("SELECT count(*) FROM pgd_case_journal WHERE kind <> 'escalation'", Integer.class);
    long afterKill = acknowledged.stream().filter(c -> c.at().isAfter(killedAt.get())).count();
    long byNode2AfterKill = acknowledged.stream().filter(c -> c.at().isAfter(killedAt.get()))
        .filter(c -> c.node().endsWith(":18082") || c.node().endsWith(":28082")).count();

    RESULTS.put("(1) completaciones planeadas", String.valueOf(planned));
    RESULTS.put("(1) solicitudes enviadas", String.valueOf(load.sent.get()));
    RESULTS.put("(1) confirmadas al cliente (204)", String.valueOf(acknowledged.size()));
    RESULTS.put("(1) fallidas sin confirmar (502, 503, conexión)", String.valueOf(load.failed.get()));
    RESULTS.put("(1) hechas pero no confirmadas (el nodo murió tras guardar)", String.valueOf(load.doneUnacknowledged.get()));
    RESULTS.put("(1) confirmadas halladas en la base", found + " de " + acknowledged.size());
    RESULTS.put("(1) tareas completadas en la base / registros del expediente", completedInDatabase + " / " + journal);
    RESULTS.put("(1) duplicados", String.valueOf(duplicates));
    RESULTS.put("(1) confirmadas tras matar el nodo 1 (por el nodo 2)", afterKill + " (" + byNode2AfterKill + ")");
    RESULTS.put("(1) primera confirmación tras matar el nodo 1", load.firstAckAfter(killedAt.get()));

    assertThat(found).isEqualTo(acknowledged.size());
    assertThat(duplicates).isZero();
    assertThat(completedInDatabase).isEqualTo(planned);
    assertThat(journal).isEqualTo(planned);
    assertThat(acknowledged.size() + load.doneUnacknowledged.get()).isEqualTo(planned);
    assertThat(byNode2AfterKill).isPositive();
    cluster("start-node", "1");
  }

  /** (2) Every escalation timer made due at once, both nodes' job executors running: each fires once. */
  @Test
  @Order(2)
  void dueTimersFireExactlyOnceWithBothNodesUp() throws Exception {
    JsonNode timers = json(call("GET", "/engine-rest/job?timers=true", ADMIN, ADMIN_PASSWORD, null));
    assertThat(timers.size()).isGreaterThanOrEqualTo(78);
    String now = CAMUNDA_DATE.format(Instant.now().minusSeconds(1));
    List<String> ids = new ArrayList<>();
    long started = System.nanoTime();
    for (JsonNode timer : timers) {
      ids.add(timer.get("id").asText());
      HttpResponse<String> set = call("PUT", "/engine-rest/job/" + timer.get("id").asText() + "/duedate", ADMIN,
          ADMIN_PASSWORD, Map.of("duedate", now));
      assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    }
    int expected = ids.size();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    int escalations = 0;
    while (Instant.now().isBefore(deadline)) {
      escalations = db.queryForObject("SELECT count(*) FROM pgd_case_journal WHERE kind = 'escalation'", Integer.class);
      if (pendingTimers(ids) == 0) {
        break;
      }
      Thread.sleep(500);
    }
    String firing = seconds(started) + " s";
    Thread.sleep(6000); // one more acquisition round of both job executors: nothing may fire again
    escalations = db.queryForObject("SELECT count(*) FROM pgd_case_journal WHERE kind = 'escalation'", Integer.class);
    // One escalation per overdue task (a timer on a multi-instance approval covers each open approval).
    int twice = db.queryForObject("SELECT count(*) FROM (SELECT business_key, task_key, "
        + "CAST(form_values AS json) ->> 'taskId' FROM pgd_case_journal WHERE kind = 'escalation' "
        + "GROUP BY 1, 2, 3 HAVING count(*) > 1) d", Integer.class);
    int overdueTasks = db.queryForObject("SELECT count(*) FROM act_ru_task", Integer.class);
    Map<String, Integer> byNode = new HashMap<>();
    db.query("SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_id_ = ANY (?) AND job_state_ = 2 "
        + "GROUP BY hostname_", rs -> {
          byNode.put(rs.getString(1), rs.getInt(2));
        }, (Object) ids.toArray(String[]::new));
    int jobsRunTwice = db.queryForObject("SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log "
        + "WHERE job_id_ = ANY (?) AND job_state_ = 2 GROUP BY job_id_ HAVING count(*) > 1) d", Integer.class,
        (Object) ids.toArray(String[]::new));
    int mails = mail.getReceivedMessages().length;

    RESULTS.put("(2) temporizadores vencidos a la vez", String.valueOf(expected));
    RESULTS.put("(2) tareas abiertas vencidas / escalamientos registrados / duplicados",
        overdueTasks + " / " + escalations + " / " + twice);
    RESULTS.put("(2) temporizadores ejecutados más de una vez", String.valueOf(jobsRunTwice));
    RESULTS.put("(2) correos recibidos", String.valueOf(mails));
    RESULTS.put("(2) ejecuciones por nodo", new java.util.TreeMap<>(byNode).toString());
    RESULTS.put("(2) tiempo hasta el último disparo", firing);

    assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
    assertThat(jobsRunTwice).isZero();
    assertThat(pendingTimers(ids)).isZero();
    assertThat(escalations).isEqualTo(overdueTasks);
    assertThat(twice).isZero();
    assertThat(mails).isEqualTo(escalations);
  }

  /** (3) PostgreSQL stopped for 20 s under load: 503 with the message, health DOWN, recovery by itself. */
  @Test
  @Order(3)
  void aDatabaseOutageAnswers503AndTheApplicationRecoversByItself() throws Exception {
    List<String> lines = new ArrayList<>();
    for (Line line : lines(2022)) {
      lines.add(line.id());
    }
    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> messages = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Instant> restartedAt = new AtomicReference<>();
    AtomicReference<Instant> firstSuccessAfterRestart = new AtomicReference<>();
    AtomicReference<String> healthDuringOutage = new AtomicReference<>();
    ExecutorService client = Executors.newSingleThreadExecutor();
    var running = client.submit(() -> {
      for (String line : lines) {
        HttpResponse<String> response = call("POST", "/api/cycles/2021/" + line, ADMIN, ADMIN_PASSWORD, null);
        statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
        if (response.statusCode() == 201) {
          acknowledged.add(line);
          if (restartedAt.get() != null) {
            firstSuccessAfterRestart.compareAndSet(null, Instant.now());
          }
        } else if (response.statusCode() == 503) {
          messages.add(JSON.readTree(response.body()).path("detail").asText());
        }
        Thread.sleep(1000);
      }
      return null;
    });
    Thread.sleep(5000);
    cluster("stop-db");
    Instant stopped = Instant.now();
    Thread.sleep(8000);
    HttpResponse<String> health = call("GET", "/actuator/health", null, null, null);
    healthDuringOutage.set(health.statusCode() + " " + health.body());
    Thread.sleep(Math.max(0, 20_000 - Duration.between(stopped, Instant.now()).toMillis()));
    cluster("start-db");
    restartedAt.set(Instant.now());
    running.get(10, TimeUnit.MINUTES);
    client.shutdown();

    int started = db.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE 'PGD-2020-2023:%:2021' "
        + "AND proc_def_key_ = 'action-line-lifecycle'", Integer.class);
    Set<String> startedLines = new TreeSet<>(db.queryForList("SELECT business_key_ FROM act_hi_procinst "
        + "WHERE business_key_ LIKE 'PGD-2020-2023:%:2021' AND proc_def_key_ = 'action-line-lifecycle'", String.class));
    RESULTS.put("(3) solicitudes durante la prueba por estado HTTP", new java.util.TreeMap<>(statuses).toString());
    RESULTS.put("(3) salud durante la caída", healthDuringOutage.get());
    RESULTS.put("(3) recuperación: primera respuesta correcta tras arrancar PostgreSQL",
        firstSuccessAfterRestart.get() == null ? "ninguna"
            : Duration.between(restartedAt.get(), firstSuccessAfterRestart.get()).toMillis() + " ms");
    RESULTS.put("(3) ciclos confirmados / hallados en la base", acknowledged.size() + " / " + started);

    assertThat(statuses).containsKey("503");
    assertThat(messages).allSatisfy(message -> assertThat(message).isEqualTo(DatabaseFailure.UNREACHABLE.message()));
    assertThat(healthDuringOutage.get()).startsWith("503").contains("DOWN");
    assertThat(firstSuccessAfterRestart.get()).isNotNull();
    for (String line : acknowledged) {
      assertThat(startedLines).contains("PGD-2020-2023:" + line + ":2021");
    }
  }

  /** (4) A database that refuses writes is reported: 503 with its message, health DOWN, nothing half-done. */
  @Test
  @Order(4)
  void aReadOnlyDatabaseIsReportedNotIgnored() throws Exception {
    cluster("psql", "--quiet", "-c", "ALTER SYSTEM SET default_transaction_read_only = on", "-c", "SELECT pg_reload_conf()");
    try {
      Thread.sleep(1000);
      HttpResponse<String> refused = call("POST", "/api/cycles/2020/1.1", ADMIN, ADMIN_PASSWORD, null);
      HttpResponse<String> health = call("GET", "/actuator/health", ADMIN, ADMIN_PASSWORD, null);
      RESULTS.put("(4) inicio de ciclo con la base en solo lectura", refused.statusCode() + " " + refused.body());
      RESULTS.put("(4) salud", health.statusCode() + " databaseWrites=" + JSON.readTree(health.body())
          .path("components").path("databaseWrites").path("status").asText());
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(refused.body()).path("detail").asText()).isEqualTo(DatabaseFailure.READ_ONLY.message());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(health.body()).path("components").path("databaseWrites").path("status").asText())
          .isEqualTo("DOWN");
    } finally {
      cluster("psql", "--quiet", "-c", "ALTER SYSTEM RESET default_transaction_read_only", "-c", "SELECT pg_reload_conf()");
    }
    Thread.sleep(1000);
    assertThat(db.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = 'PGD-2020-2023:1.1:2020'",
        Integer.class)).isZero();
    assertThat(call("POST", "/api/cycles/2020/1.1", ADMIN, ADMIN_PASSWORD, null).statusCode()).isEqualTo(201);
  }

  /**
   * (5) Both nodes run as ops/pgd-start.sh starts them: the jar extracted once into the shared cache,
   * and the class data sharing archive its first start trained mapped into each JVM (node 1 also after
   * its restart in (1)).
   */
  @Test
  @Order(5)
  void theNodesRunTheExtractedJarWithTheSharedClassArchive() throws Exception {
    Path app = DIR.resolve("app-cache/app");
    assertThat(app.resolve("pgd-workflows.jsa")).isRegularFile();
    for (int node = 1; node <= 2; node++) {
      String pid = Files.readString(DIR.resolve("node" + node + ".pid")).strip();
      String commandLine = Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
      assertThat(commandLine).contains("-jar " + app.resolve("pgd-workflows.jar"))
          .contains("-XX:SharedArchiveFile=" + app.resolve("pgd-workflows.jsa"));
      assertThat(Files.readString(Path.of("/proc", pid, "maps"))).contains(app.resolve("pgd-workflows.jsa").toString());
      assertThat(Files.readString(DIR.resolve("node" + node + ".log")))
          .doesNotContain("No se pudo preparar el archivo de clases compartidas");
    }
    RESULTS.put("(5) archivo de clases compartidas", Files.size(app.resolve("pgd-workflows.jsa")) / (1024 * 1024)
        + " MiB, mapeado por ambos nodos");
  }

  record Line(String id, int year, String area, String businessKey) {
  }

  record Completion(String taskId, String node, Instant at) {
  }

  /** Clients completing tasks the way Tasklist does, retrying what was not acknowledged. */
  static final class Load {

    final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger doneUnacknowledged = new AtomicInteger();

    void complete(Line line, String user, String group, Map<String, Object> values) throws Exception {
      boolean attempted = false;
      for (int attempt = 0; attempt < 200; attempt++) {
        HttpResponse<String> tasks = call("GET", "/engine-rest/task?processInstanceBusinessKey=" + line.businessKey()
            + "&candidateGroup=" + group, user, PASSWORD, null);
        if (tasks.statusCode() != 200) {
          Thread.sleep(250);
          continue;
        }
        JsonNode open = JSON.readTree(tasks.body());
        if (open.isEmpty()) {
          if (!attempted) {
            throw new AssertionError("No task of " + group + " in " + line.businessKey());
          }
          doneUnacknowledged.incrementAndGet();
          return;
        }
        String taskId = open.get(0).get("id").asText();
        attempted = true;
        sent.incrementAndGet();
        HttpResponse<String> response;
        try {
          response = call("POST", "/engine-rest/task/" + taskId + "/submit-form", user, PASSWORD,
              Map.of("variables", EngineRest.variables(values)));
        } catch (IOException e) {
          failed.incrementAndGet();
          continue;
        }
        if (response.statusCode() == 204) {
          completions.add(new Completion(taskId, response.headers().firstValue("X-PGD-Node").orElse("?"), Instant.now()));
          acknowledged.incrementAndGet();
          return;
        }
        if (response.statusCode() < 500) {
          throw new AssertionError(user + " completing " + taskId + ": " + response.statusCode() + " " + response.body());
        }
        failed.incrementAndGet();
        Thread.sleep(250);
      }
      throw new AssertionError("Gave up completing the task of " + group + " in " + line.businessKey());
    }

    String firstAckAfter(Instant moment) {
      return completions.stream().map(Completion::at).filter(at -> at.isAfter(moment)).min(Instant::compareTo)
          .map(at -> Duration.between(moment, at).toMillis() + " ms").orElse("ninguna");
    }
  }

  private static List<Line> lines(int year) throws Exception {
    JsonNode status = json(call("GET", "/api/status?year=" + year, ADMIN, ADMIN_PASSWORD, null));
    List<Line> lines = new ArrayList<>();
    for (JsonNode line : status.get("lines")) {
      lines.add(new Line(line.get("actionLineId").asText(), year, line.get("responsibleArea").asText(),
          line.path("businessKey").asText()));
    }
    return lines;
  }

  private static void createUser(String id, String group) throws Exception {
    HttpResponse<String> created = call("POST", "/engine-rest/user/create", ADMIN, ADMIN_PASSWORD, Map.of(
        "profile", Map.of("id", id, "firstName", id, "lastName", "Prueba", "email", id + "@iecm.test"),
        "credentials", Map.of("password", PASSWORD)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    HttpResponse<String> member = call("PUT", "/engine-rest/group/" + group + "/members/" + id, ADMIN, ADMIN_PASSWORD,
        null);
    assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
  }

  private static int pendingTimers(List<String> ids) {
    return db.queryForObject("SELECT count(*) FROM act_ru_job WHERE id_ = ANY (?)", Integer.class,
        (Object) ids.toArray(String[]::new));
  }

  static HttpResponse<String> call(String method, String path, String user, String password, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PROXY_PORT + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static String cluster(String... arguments) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "PGD_CLUSTER_DIR", DIR.toString(),
        "PGD_CLUSTER_PG_PORT", String.valueOf(PG_PORT),
        "PGD_CLUSTER_NODE1_PORT", "28081",
        "PGD_CLUSTER_NODE2_PORT", "28082",
        "PGD_CLUSTER_PROXY_PORT", String.valueOf(PROXY_PORT),
        "PGD_ADMIN_USER", ADMIN,
        "PGD_ADMIN_PASSWORD", ADMIN_PASSWORD));
    if (mail != null) {
      environment.put("SPRING_MAIL_HOST", "127.0.0.1");
      environment.put("SPRING_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
    }
    List<String> command = new ArrayList<>(List.of("ops/cluster/cluster.sh"));
    command.addAll(List.of(arguments));
    return Shell.succeed(environment, command);
  }

  /** Resident memory, and heap and metaspace in use after a full collection (the live set). */
  private static String memory(int node) {
    try {
      String pid = Files.readString(DIR.resolve("node" + node + ".pid")).strip();
      Shell.succeed(Map.of(), List.of("jcmd", pid, "GC.run"));
      String heap = Shell.succeed(Map.of(), List.of("jcmd", pid, "GC.heap_info"));
      String rss = Files.readAllLines(Path.of("/proc", pid, "status")).stream()
          .filter(line -> line.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
      var used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(heap);
      List<String> figures = new ArrayList<>();
      while (used.find()) {
        figures.add(Long.parseLong(used.group(1)) / 1024 + " MiB");
      }
      return rss + "; en uso tras GC completo (heap, metaspace, clases): " + figures;
    } catch (IOException | AssertionError e) {
      return "no medida: " + e.getMessage();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String seconds(long startNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
  }
}
