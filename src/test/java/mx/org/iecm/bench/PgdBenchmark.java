package mx.org.iecm.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.SampleEvidence;
import mx.org.iecm.pgd.support.StatementCounter;
import mx.org.iecm.pgd.support.Submissions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What our workflows cost, measured (issue 8). Run by {@code mvn -B verify -Pbench}; prints a table
 * and writes {@code target/bench/results.md} and {@code target/bench/results.json}.
 *
 * <p>Settings (environment): {@code PGD_BENCH_DB_URL}, {@code PGD_BENCH_DB_USER},
 * {@code PGD_BENCH_DB_PASSWORD} to use a PostgreSQL server of your own (one that lets the user create
 * databases) instead of an embedded one; {@code PGD_BENCH_CYCLES} (default {@code 1000,10000}): the
 * closed-cycle counts at which the history-growth queries are measured; {@code PGD_BENCH_MINUTES}
 * (default 20): time allowed for generating them; {@code PGD_BENCH_PARTS} (default
 * {@code startup,overhead,escalation,rest,evidence,growth,session,waits}); {@code PGD_BENCH_WAITS_YEARS} (default 10): years
 * of closed cycles behind the browser waits.
 */
public final class PgdBenchmark {

  static final String ADMIN = "benchadmin";
  static final String ADMIN_PASSWORD = "Banco-de-pruebas-2026";
  static final String STAFF = "bench.staff";
  static final String STAFF_PASSWORD = "Enlace-de-pruebas-2026";
  static final String BARE_PROCESS = "bench-bare";
  static final String BARE_GROUP = "bench-bare-group";
  static final String BARE_USER = "bench.bare";
  static final int THREADS = 2;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  /** Heads each completion's statements in the recorded profile. */
  static final String STEP_MARK = "-- completion of ";

  private final Results results = new Results();
  private final Database database;

  private PgdBenchmark(Database database) {
    this.database = database;
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = List.of(env("PGD_BENCH_PARTS", "startup,overhead,escalation,rest,evidence,growth,session,waits").split(","));
    try (Database database = Database.open()) {
      PgdBenchmark bench = new PgdBenchmark(database);
      bench.results.context(database.description());
      if (parts.contains("startup")) {
        new StartupBenchmark(bench.results, database).run();
      }
      String catalog = BenchPlan.write(Path.of("target/bench/plan"), 500);
      String url = database.create("pgd_bench");
      if (parts.contains("overhead")) {
        try (ConfigurableApplicationContext app = bench.start(url, catalog, false)) {
          bench.overhead(app);
        }
      }
      if (parts.contains("escalation")) {
        try (ConfigurableApplicationContext app = bench.start(database.create("pgd_bench_escalation"), catalog, false)) {
          new EscalationBenchmark(bench.results, app).run();
        }
      }
      if (parts.contains("rest")) {
        bench.restSecurity(url, catalog);
      }
      if (parts.contains("evidence")) {
        try (ConfigurableApplicationContext app = bench.start(database.create("pgd_bench_evidence"), catalog, false)) {
          new EvidenceBenchmark(bench.results, app).run();
        }
      }
      if (parts.contains("growth")) {
        try (ConfigurableApplicationContext app = bench.start(url, catalog, false)) {
          new GrowthBenchmark(bench.results, app).run(counts(), Duration.ofMinutes(Long.parseLong(env("PGD_BENCH_MINUTES", "20"))));
        }
      }
      if (parts.contains("session")) {
        new SessionBenchmark(bench.results, bench, database, catalog).run();
      }
      if (parts.contains("waits")) {
        new WaitsBenchmark(bench.results, database, bench, catalog).run();
      }
      bench.results.write(Path.of("target/bench"));
    }
    System.exit(0);
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Overhead against the bare engine

  /**
   * Full cycles of the real plan through our processes (listeners, validation, journal, seal,
   * authorization checks as the person who completes) against a bare BPMN with the same number of
   * user tasks and the same submitted values, on the same engine and database, alternated a b a b.
   */
  void overhead(ConfigurableApplicationContext app) throws Exception {
    TaskService tasks = app.getBean(TaskService.class);
    PlanCatalog catalog = app.getBean(PlanCatalog.class);
    CycleService cycles = app.getBean(CycleService.class);
    RepositoryService repository = app.getBean(RepositoryService.class);
    deployBare(repository, BARE_PROCESS, 40, false, null);
    deployBare(repository, BARE_PROCESS + "-timers", 40, true, null);
    deployBare(repository, BARE_PROCESS + "-candidates", 40, true, BARE_GROUP);
    ConcurrentLinkedQueue<String[]> keys = new ConcurrentLinkedQueue<>();
    for (int year = 2020; year <= 2023; year++) {
      for (ActionLine line : catalog.plan("PGD-2020-2023").orElseThrow().actionLines()) {
        keys.add(new String[] {line.id(), String.valueOf(year)});
      }
    }
    TimedDriver driver = new TimedDriver(app);
    Latencies ours = new Latencies();
    Latencies oursAnonymous = new Latencies();
    Latencies bare = new Latencies();
    Latencies bareTimers = new Latencies();
    Latencies bareCandidates = new Latencies();
    int rounds = 4;
    int cyclesPerThread = 4;
    Map<String, Latencies> byTask = new java.util.concurrent.ConcurrentSkipListMap<>();
    for (int round = 0; round <= rounds; round++) {
      boolean warmUp = round == 0;
      int perThread = warmUp ? 1 : cyclesPerThread;
      ConcurrentLinkedQueue<List<Map<String, Object>>> scripts = new ConcurrentLinkedQueue<>();
      for (boolean authenticated : new boolean[] {true, false}) {
        Latencies a = warmUp ? new Latencies() : authenticated ? ours : oursAnonymous;
        driver.byTask = warmUp || !authenticated ? null : byTask;
        parallel(() -> {
          for (int i = 0; i < perThread; i++) {
            String[] key = keys.poll();
            cycles.startLine(Integer.parseInt(key[1]), key[0]);
            ActionLine line = catalog.plan("PGD-2020-2023").orElseThrow().actionLine(key[0]).orElseThrow();
            List<Map<String, Object>> script = driver.closeCycle("PGD-2020-2023:" + key[0] + ":" + key[1],
                Integer.parseInt(key[1]), line, a, authenticated);
            if (authenticated) {
              scripts.add(script);
            }
          }
          return null;
        });
      }
      List<List<Map<String, Object>>> replay = new ArrayList<>(scripts);
      for (String variant : List.of("", "-timers", "-candidates")) {
        Latencies b = warmUp ? new Latencies()
            : variant.isEmpty() ? bare : variant.equals("-timers") ? bareTimers : bareCandidates;
        ConcurrentLinkedQueue<List<Map<String, Object>>> queue = new ConcurrentLinkedQueue<>(replay);
        parallel(() -> {
          for (List<Map<String, Object>> script = queue.poll(); script != null; script = queue.poll()) {
            replayBare(app, BARE_PROCESS + variant, script, (task, values) -> {
              StatementCounter.reset();
              long cpu = CPU.getCurrentThreadCpuTime();
              long start = System.nanoTime();
              tasks.complete(task.getId(), values);
              b.add(System.nanoTime() - start);
              b.cpu(CPU.getCurrentThreadCpuTime() - cpu);
              b.statements(StatementCounter.count());
            });
          }
          return null;
        });
      }
    }
    driver.byTask = null;
    profile(app, driver, keys, catalog, cycles);
    List<List<String>> taskRows = new ArrayList<>();
    byTask.forEach((task, latencies) -> taskRows.add(withStatements(latencies.row(task), latencies)));
    results.add("1 ter. Completaciones de (a) por tarea",
        List.of("tarea", "completaciones", "completaciones/s", "p50 ms", "p95 ms", "sentencias SQL por completación",
            "CPU de la JVM ms por completación"),
        taskRows, Map.of());
    results.add("1. Sobrecarga contra el motor sin nada nuestro (" + THREADS + " hilos, ciclos completos, a b a b)",
        List.of("flujo", "completaciones", "completaciones/s", "p50 ms", "p95 ms", "sentencias SQL por completación",
            "CPU de la JVM ms por completación"),
        List.of(withStatements(ours.row("(a) nuestros procesos, como la persona que completa"), ours),
            withStatements(oursAnonymous.row("(a′) nuestros procesos sin usuario autenticado (sin verificación de permisos)"),
                oursAnonymous),
            withStatements(bare.row("(b) BPMN desnudo, mismas tareas y valores"), bare),
            withStatements(bareTimers.row("(b′) BPMN desnudo con temporizador de escalamiento en cada tarea"), bareTimers),
            withStatements(bareCandidates.row("(b″) como (b′), con grupo candidato en cada tarea, completado por una"
                + " persona del grupo (verificación de permisos del motor)"), bareCandidates)),
        Map.of("ours/bare p50 (a/b)", ratio(ours.p(50), bare.p(50)), "ours/bare p95 (a/b)", ratio(ours.p(95), bare.p(95)),
            "ours/bare por completación, media (a/b)", ratio(ours.mean(), bare.mean()),
            "a/a′ (costo de la verificación de permisos)", ratio(ours.mean(), oursAnonymous.mean()),
            "b′/b (costo de los temporizadores)", ratio(bareTimers.mean(), bare.mean()),
            "a/b′ (nuestro código contra el mismo BPMN con temporizadores)", ratio(ours.mean(), bareTimers.mean()),
            "a/b″ (nuestro código contra el mismo BPMN con temporizadores, candidatos y permisos)",
            ratio(ours.mean(), bareCandidates.mean()),
            "b″/b′ (costo de candidatos y permisos del motor)", ratio(bareCandidates.mean(), bareTimers.mean())));
  }

  /**
   * Where the extra statements of (a) go: one more cycle of ours and its bare replay (with timers)
   * with every SQL statement recorded, counted by operation and table, per completion.
   */
  private void profile(ConfigurableApplicationContext app, TimedDriver driver, ConcurrentLinkedQueue<String[]> keys,
      PlanCatalog catalog, CycleService cycles) {
    String[] key = keys.poll();
    cycles.startLine(Integer.parseInt(key[1]), key[0]);
    ActionLine line = catalog.plan("PGD-2020-2023").orElseThrow().actionLine(key[0]).orElseThrow();
    driver.recordStatements(true);
    List<Map<String, Object>> script = driver.closeCycle("PGD-2020-2023:" + key[0] + ":" + key[1],
        Integer.parseInt(key[1]), line, new Latencies(), true);
    List<String> steps = driver.recordStatements(false);
    List<String> ours = steps.stream().filter(sql -> !sql.startsWith(STEP_MARK)).toList();
    List<String> bare = replayRecorded(app, BARE_PROCESS + "-timers", script);
    List<String> candidates = replayRecorded(app, BARE_PROCESS + "-candidates", script);
    Map<String, long[]> byKind = new java.util.TreeMap<>();
    ours.forEach(sql -> byKind.computeIfAbsent(kind(StatementCounter.sql(sql)), k -> new long[3])[0]++);
    bare.forEach(sql -> byKind.computeIfAbsent(kind(StatementCounter.sql(sql)), k -> new long[3])[1]++);
    candidates.forEach(sql -> byKind.computeIfAbsent(kind(StatementCounter.sql(sql)), k -> new long[3])[2]++);
    writeOrigins(ours, steps, script.size());
    List<List<String>> rows = new ArrayList<>();
    byKind.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue()[0] - y.getValue()[1], x.getValue()[0] - x.getValue()[1]))
        .limit(30)
        .forEach(entry -> rows.add(List.of(entry.getKey(), per(entry.getValue()[0], script.size()),
            per(entry.getValue()[1], script.size()), per(entry.getValue()[2], script.size()))));
    rows.add(List.of("total", per(ours.size(), script.size()), per(bare.size(), script.size()),
        per(candidates.size(), script.size())));
    results.add("1 bis. Perfil de una completación: sentencias SQL por operación y tabla (un ciclo de " + script.size()
            + " completaciones, línea " + key[0] + ")",
        List.of("operación y tabla", "(a) nuestros procesos", "(b′) BPMN desnudo con temporizadores",
            "(b″) con candidatos y permisos"), rows, Map.of());
  }

  /** The statements of a bare process's completions with the values of {@code script}, recorded. */
  private static List<String> replayRecorded(ConfigurableApplicationContext app, String process,
      List<Map<String, Object>> script) {
    TaskService tasks = app.getBean(TaskService.class);
    List<String> recorded = new ArrayList<>();
    replayBare(app, process, script, (task, values) -> {
      StatementCounter.startRecording();
      tasks.complete(task.getId(), values);
      recorded.addAll(StatementCounter.stopRecording());
    });
    return recorded;
  }

  /**
   * One instance of a bare process, its tasks completed in turn by {@code complete} with the values of
   * {@code script}; in the process with candidates, as a person of the candidate group. The instance is
   * removed afterwards.
   */
  private static void replayBare(ConfigurableApplicationContext app, String process, List<Map<String, Object>> script,
      java.util.function.BiConsumer<Task, Map<String, Object>> complete) {
    TaskService tasks = app.getBean(TaskService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    ProcessInstance instance = runtime.startProcessInstanceByKey(process);
    for (Map<String, Object> values : script) {
      Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      if (process.endsWith("-candidates")) {
        identity.setAuthentication(BARE_USER, List.of(BARE_GROUP));
      }
      try {
        complete.accept(task, values);
      } finally {
        identity.clearAuthentication();
      }
    }
    runtime.deleteProcessInstance(instance.getId(), "benchmark", true, true);
  }

  /**
   * Where each kind of statement of (a) comes from (our first frame, else the engine's command or
   * listener), per completion, into {@code target/bench/profile-origins.md}: the map for cutting.
   */
  private static void writeOrigins(List<String> recorded, List<String> steps, int completions) {
    Map<String, Long> byOrigin = new java.util.TreeMap<>();
    recorded.forEach(sql -> byOrigin.merge(kind(StatementCounter.sql(sql)) + " | " + StatementCounter.origin(sql), 1L,
        Long::sum));
    StringBuilder text = new StringBuilder("| sentencia | origen | por completación |\n|---|---|---|\n");
    byOrigin.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
        .forEach(entry -> {
          String[] parts = entry.getKey().split(" \\| ", 2);
          text.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
              .append(per(entry.getValue(), completions)).append(" |\n");
        });
    try {
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(Path.of("target/bench/profile-origins.md"), text);
      Files.write(Path.of("target/bench/profile-statements.sql"), steps);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String per(long count, int completions) {
    return String.format(java.util.Locale.ROOT, "%.2f", count / (double) completions);
  }

  /** "select ACT_RU_AUTHORIZATION", "insert ACT_HI_DETAIL"…: the operation and the first table. */
  static String kind(String sql) {
    String text = sql.strip().replaceAll("\\s+", " ");
    String operation = text.split(" ", 2)[0].toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?i)\\b(ACT_[A-Z_]+|PGD_[A-Z_]+|SPRING_[A-Z_]+)\\b")
        .matcher(text);
    return operation + " " + (table.find() ? table.group(1).toUpperCase(java.util.Locale.ROOT) : "?");
  }

  private static List<String> withStatements(List<String> row, Latencies latencies) {
    List<String> extended = new ArrayList<>(row);
    extended.add(latencies.statementsPerCall());
    extended.add(latencies.cpuPerCall());
    return extended;
  }

  /**
   * Deploys a bare process: {@code userTasks} user tasks in a row, with nothing else; with
   * {@code timers}, each task carries a non-interrupting escalation timer as ours do.
   */
  static void deployBare(RepositoryService repository, String key, int userTasks, boolean timers, String candidates) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
      return;
    }
    repository.createDeployment().name("benchmark")
        .addModelInstance(key + ".bpmn", bareModel(key, userTasks, timers, candidates, null)).deploy();
  }

  /** The bare process of {@link #deployBare}; each task with {@code formKey} when it is not null. */
  static BpmnModelInstance bareModel(String key, int userTasks, boolean timers, String candidates, String formKey) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(2192).startEvent();
    for (int i = 1; i <= userTasks; i++) {
      org.camunda.bpm.model.bpmn.builder.UserTaskBuilder task = flow.userTask("task" + i);
      if (candidates != null) {
        task = task.camundaCandidateGroups(candidates);
      }
      if (formKey != null) {
        task = task.name("Tarea " + i).camundaFormKey(formKey);
      }
      flow = task;
      if (timers) {
        flow = task.boundaryEvent("overdue" + i)
            .cancelActivity(false).timerWithDuration("P10D").endEvent("escalated" + i)
            .<org.camunda.bpm.model.bpmn.builder.UserTaskBuilder>moveToActivity("task" + i);
      }
    }
    return flow.endEvent().done();
  }

  // ---------------------------------------------------------------------------------------------
  // 2. REST with security against REST without

  /** Who completes the benchmark's REST tasks (nobody: user null), and where their figures go. */
  private record Caller(String user, String password, Latencies into) {
  }

  void restSecurity(String url, String catalog) throws Exception {
    Latencies staff = new Latencies();
    Latencies admin = new Latencies();
    Latencies open = new Latencies();
    Caller asStaff = new Caller(STAFF, STAFF_PASSWORD, staff);
    Caller asAdmin = new Caller(ADMIN, ADMIN_PASSWORD, admin);
    Caller anonymous = new Caller(null, null, open);
    for (int round = 0; round < 3; round++) {
      for (boolean authenticated : new boolean[] {true, false}) {
        try (ConfigurableApplicationContext app = start(url, catalog, !authenticated)) {
          boolean warmUp = round == 0;
          int count = warmUp ? 50 : 400;
          // Every new context is warmed up by each caller it will measure, with as many completions as are
          // then counted (the first hundreds of requests on a new context cost more: BENCHMARKS.md §14), and
          // the two callers of one context take turns going first.
          List<Caller> callers = !authenticated ? List.of(anonymous)
              : round % 2 == 1 ? List.of(asStaff, asAdmin) : List.of(asAdmin, asStaff);
          for (Caller caller : callers) {
            restCompletions(app, caller.user(), caller.password(), count, new Latencies());
          }
          for (Caller caller : callers) {
            restCompletions(app, caller.user(), caller.password(), count, warmUp ? new Latencies() : caller.into());
          }
        }
      }
    }
    results.add("2. Completar tareas por /engine-rest con HTTP Basic contra sin autenticación (" + THREADS + " hilos)",
        List.of("configuración", "completaciones", "completaciones/s", "p50 ms", "p95 ms", "sentencias SQL por solicitud",
            "CPU ms por solicitud (hilo del servidor)"),
        List.of(restRow(staff, "HTTP Basic, persona candidata (como en producción)"),
            restRow(admin, "HTTP Basic, administración (camunda-admin: el motor verifica, y sus permisos ALL pasan)"),
            restRow(open, "sin autenticación (perfil del banco; el motor no verifica permisos)")),
        Map.of("rendimiento con/sin (persona candidata)", ratio(staff.throughput(), open.throughput()),
            "rendimiento con/sin (administración)", ratio(admin.throughput(), open.throughput())));
  }

  private static List<String> restRow(Latencies latencies, String label) {
    List<String> row = new ArrayList<>(latencies.row(label));
    row.add(latencies.statementsPerCall());
    row.add(latencies.cpuPerCall());
    return row;
  }

  private void restCompletions(ConfigurableApplicationContext app, String user, String password, int count,
      Latencies into) throws Exception {
    String group = BenchPlan.AREA + "-staff";
    RepositoryService repository = app.getBean(RepositoryService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    deployRestProcess(repository, group);
    IdentityService identity = app.getBean(IdentityService.class);
    ensureUser(identity, STAFF, STAFF_PASSWORD, group);
    if (!identity.checkPassword(STAFF, STAFF_PASSWORD)) {
      throw new IllegalStateException("The benchmark user cannot log in");
    }
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < count; i++) {
      String instance = runtime.startProcessInstanceByKey("bench-rest").getId();
      ids.add(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    }
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    HttpClient http = HttpClient.newHttpClient();
    String basic = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    long wall = System.nanoTime();
    RequestCosts.into = into;
    parallel(() -> {
      for (String id = ids.poll(); id != null; id = ids.poll()) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + id + "/complete"))
            .header("Content-Type", "application/json")
            // No variables: the server refuses what a task does not declare, and this bare task declares nothing.
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (basic != null) {
          request.header("Authorization", basic);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        into.add(System.nanoTime() - start);
        if (response.statusCode() != 204) {
          throw new IllegalStateException("Completion answered " + response.statusCode() + ": " + response.body());
        }
      }
      return null;
    });
    into.wall(System.nanoTime() - wall);
    RequestCosts.into = null;
  }

  private static void deployRestProcess(RepositoryService repository, String group) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("bench-rest").count() > 0) {
      return;
    }
    repository.createDeployment().name("benchmark-rest").addModelInstance("bench-rest.bpmn",
        Bpmn.createExecutableProcess("bench-rest").camundaHistoryTimeToLive(2192).startEvent()
            .userTask("approve").camundaCandidateGroups(group).endEvent().done()).deploy();
  }

  static void ensureUser(IdentityService identity, String id, String password, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      user.setFirstName("Banco");
      user.setLastName("de pruebas");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Our application in production mode on the benchmark's database, job executor off. */
  ConfigurableApplicationContext start(String url, String catalog, boolean openEngineRest) {
    return openEngineRest ? start(url, catalog, OpenEngineRest.class) : start(url, catalog);
  }

  /** The application on the database at {@code url}, with the benchmark's own configuration classes added. */
  ConfigurableApplicationContext start(String url, String catalog, Class<?>... benchConfiguration) {
    List<Class<?>> sources = new ArrayList<>(List.of(PgdApplication.class, StatementCounter.class, RequestCosts.class));
    sources.addAll(List.of(benchConfiguration));
    return new SpringApplicationBuilder(sources.toArray(Class[]::new)).run(
        "--PGD_DB_URL=" + url, "--PGD_DB_USER=" + database.user(), "--PGD_DB_PASSWORD=" + database.password(),
        "--PGD_ADMIN_USER=" + ADMIN, "--PGD_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--PGD_CATALOG_PLANS=" + catalog, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=warn", "--logging.level.mx.org.iecm=warn");
  }

  static <T> void parallel(java.util.concurrent.Callable<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(work));
    }
    pool.shutdown();
    for (Future<T> future : futures) {
      future.get();
    }
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  static String ratio(double a, double b) {
    return String.format(java.util.Locale.ROOT, "%.2f", a / b);
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static List<Integer> counts() {
    List<Integer> counts = new ArrayList<>();
    for (String count : env("PGD_BENCH_CYCLES", "1000,10000").split(",")) {
      counts.add(Integer.parseInt(count.strip()));
    }
    return counts;
  }

  /**
   * Closes cycles as the people of each group would, timing each completion: the same steps as the
   * tests' {@link CycleDriver}, and it returns the submitted values in order for the bare replay.
   */
  static final class TimedDriver {

    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final javax.sql.DataSource dataSource;
    private boolean authenticated = true;
    private List<String> recorded;
    /** When set, each authenticated completion is also counted under its task's key. */
    private Map<String, Latencies> byTask;

    /** Starts (true) or stops (false) recording this driver's completion statements; returns them on stop. */
    List<String> recordStatements(boolean start) {
      List<String> previous = recorded;
      recorded = start ? new ArrayList<>() : null;
      return previous;
    }

    TimedDriver(ConfigurableApplicationContext app) {
      tasks = app.getBean(TaskService.class);
      identity = app.getBean(IdentityService.class);
      runtime = app.getBean(RuntimeService.class);
      management = app.getBean(ManagementService.class);
      dataSource = app.getBean(javax.sql.DataSource.class);
    }

    List<Map<String, Object>> closeCycle(String key, int year, ActionLine line, Latencies into) {
      return closeCycle(key, year, line, into, true);
    }

    /** With {@code authenticated} false the engine checks no permission and knows no person. */
    List<Map<String, Object>> closeCycle(String key, int year, ActionLine line, Latencies into, boolean authenticated) {
      this.authenticated = authenticated;
      String area = line.responsibleArea();
      List<Map<String, Object>> script = new ArrayList<>();
      // The program measured as the institute files it (technical sheets, weights, budget per quarter).
      step(key, area + "-staff1", area + "-staff",
          Submissions.workProgramDocument(Submissions.measuredProgramJson(year)), into, script);
      step(key, area + "-head1", area + "-head", Submissions.approve(), into, script);
      for (String co : line.coResponsibleAreas()) {
        step(key, co + "-head1", co + "-head", Submissions.approve(), into, script);
      }
      step(key, "dprf-staff1", "dprf-staff", Submissions.approve(), into, script);
      step(key, reviewer(line, 1), line.reviewers().get(0), Submissions.approve(), into, script);
      for (int quarter = 1; quarter <= 4; quarter++) {
        runDueTimers(key);
        step(key, area + "-staff2", area + "-staff", Submissions.measuredOnSchedule(quarter), into, script);
        step(key, area + "-head2", area + "-head", Submissions.approve(), into, script);
      }
      step(key, area + "-staff1", area + "-staff", Submissions.measuredResults(), into, script);
      step(key, area + "-head1", area + "-head", Submissions.approve(), into, script);
      step(key, reviewer(line, 2), line.reviewers().get(0), Submissions.approve(), into, script);
      step(key, area + "-staff1", area + "-staff", Submissions.closingReport(), into, script);
      step(key, area + "-head1", area + "-head", Submissions.approve(), into, script);
      step(key, reviewer(line, 1), line.reviewers().get(0), Submissions.approve(), into, script);
      return script;
    }

    /** Person {@code n} of the line's first reviewer group (the SGCE office's people are sgce1, sgce2…). */
    private String reviewer(ActionLine line, int n) {
      String group = line.reviewers().get(0);
      return (group.equals("sgce-office") ? "sgce" : group) + n;
    }

    private void step(String key, String user, String group, Map<String, Object> values, Latencies into,
        List<Map<String, Object>> script) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup(group).list();
      if (open.size() != 1) {
        throw new IllegalStateException("Expected one task of " + group + " in " + key + ", found " + open.size());
      }
      // Its evidence file first, outside the timed completion, as a person attaches it before completing.
      SampleEvidence.attachIfRequired(dataSource, open.get(0), key, user);
      if (authenticated) {
        identity.setAuthentication(user, List.of(group));
      }
      try {
        StatementCounter.reset();
        if (recorded != null) {
          StatementCounter.startRecording();
        }
        long cpu = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        tasks.complete(open.get(0).getId(), values);
        cpu = CPU.getCurrentThreadCpuTime() - cpu;
        if (recorded != null) {
          recorded.add(STEP_MARK + open.get(0).getTaskDefinitionKey() + " (" + user + ")");
          recorded.addAll(StatementCounter.stopRecording());
        }
        if (into != null) {
          if (byTask != null) {
            Latencies task = byTask.computeIfAbsent(open.get(0).getTaskDefinitionKey(), k -> new Latencies());
            task.add(System.nanoTime() - start);
            task.statements(StatementCounter.count());
            task.cpu(cpu);
          }
          into.add(System.nanoTime() - start);
          into.cpu(cpu);
          into.statements(StatementCounter.count());
        }
      } finally {
        identity.clearAuthentication();
      }
      script.add(values);
    }

    /** The line's first task: its staff drafts the program, which goes to the area's head. */
    void draftProgram(String key, int year, ActionLine line) {
      String area = line.responsibleArea();
      step(key, area + "-staff1", area + "-staff",
          Submissions.workProgramDocument(Submissions.measuredProgramJson(year)), null, new ArrayList<>());
    }

    void runDueTimers(String key) {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers()
            .duedateLowerThan(new java.util.Date()).list()) {
          management.executeJob(job.getId());
        }
      }
    }
  }

  /** Latencies of one kind of call, in nanoseconds, from several threads. */
  static final class Latencies {

    private final List<Long> values = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong statements = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    private long wallNanos;

    void statements(int count) {
      statements.addAndGet(count);
    }

    void cpu(long nanos) {
      cpuNanos.addAndGet(nanos);
    }

    /** Mean processor time of the JVM thread per call, in ms: what is not spent waiting (on the database). */
    String cpuPerCall() {
      return count() == 0 ? "" : format(cpuNanos.get() / 1e6 / count());
    }

    String statementsPerCall() {
      return count() == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", statements.get() / (double) count());
    }

    void add(long nanos) {
      values.add(nanos);
    }

    void wall(long nanos) {
      wallNanos += nanos;
    }

    int count() {
      return values.size();
    }

    double p(int percentile) {
      List<Long> sorted = new ArrayList<>(values);
      sorted.sort(Long::compare);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
      return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    double mean() {
      synchronized (values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
      }
    }

    /**
     * Completions per second: over the measured wall time when there is one, otherwise over the
     * time spent in the measured calls, spread over the threads (task look-ups and timer runs left out).
     */
    double throughput() {
      double seconds = wallNanos > 0 ? wallNanos / 1e9 : mean() * count() / 1e3 / THREADS;
      return count() / seconds;
    }

    List<String> row(String label) {
      return List.of(label, String.valueOf(count()), format(throughput()), format(p(50)), format(p(95)));
    }

    static String format(double value) {
      return String.format(java.util.Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
  }

  /** The PostgreSQL server of the benchmark: embedded by default, or the one given. */
  record Database(String baseUrl, String user, String password, EmbeddedPostgres embedded) implements AutoCloseable {

    static Database open() throws IOException {
      String url = System.getenv("PGD_BENCH_DB_URL");
      if (url != null && !url.isBlank()) {
        return new Database(url.substring(0, url.lastIndexOf('/') + 1), env("PGD_BENCH_DB_USER", "postgres"),
            env("PGD_BENCH_DB_PASSWORD", ""), null);
      }
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      return new Database("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres", postgres);
    }

    /** A new empty database (dropped first if a previous run left it). */
    String create(String name) throws SQLException {
      try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        statement.execute("CREATE DATABASE \"" + name + "\"");
      }
      return baseUrl + name;
    }

    String description() {
      return embedded != null ? "PostgreSQL embebido (io.zonky.test, binarios 15.15) en la misma máquina"
          : "PostgreSQL en " + baseUrl;
    }

    @Override
    public void close() throws IOException {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** The tables of the run, printed and written as Markdown and JSON. */
  static final class Results {

    private final List<Map<String, Object>> sections = new ArrayList<>();
    private final Map<String, Object> context = new java.util.LinkedHashMap<>();

    void context(String databaseDescription) {
      context.put("fecha", java.time.OffsetDateTime.now().toString());
      context.put("máquina", Runtime.getRuntime().availableProcessors() + " núcleos, "
          + (totalMemoryGiB()) + " GiB de RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
      context.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      context.put("base de datos", databaseDescription);
      context.put("comando", "mvn -B verify -Pbench");
    }

    synchronized void add(String title, List<String> header, List<List<String>> rows, Map<String, String> figures) {
      Map<String, Object> section = new java.util.LinkedHashMap<>();
      section.put("title", title);
      section.put("header", header);
      section.put("rows", rows);
      section.put("figures", new java.util.TreeMap<>(figures));
      sections.add(section);
      System.out.println(markdown(section));
    }

    void write(Path folder) throws IOException {
      Files.createDirectories(folder);
      StringBuilder text = new StringBuilder("# Resultados del banco de pruebas\n\n");
      context.forEach((key, value) -> text.append("- ").append(key).append(": ").append(value).append('\n'));
      sections.forEach(section -> text.append('\n').append(markdown(section)));
      Files.writeString(folder.resolve("results.md"), text);
      Map<String, Object> json = new java.util.LinkedHashMap<>(context);
      json.put("sections", sections);
      Files.writeString(folder.resolve("results.json"),
          new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
      System.out.println(text);
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> section) {
      StringBuilder text = new StringBuilder("## ").append(section.get("title")).append("\n\n");
      List<String> header = (List<String>) section.get("header");
      text.append("| ").append(String.join(" | ", header)).append(" |\n|");
      header.forEach(column -> text.append("---|"));
      text.append('\n');
      for (List<String> row : (List<List<String>>) section.get("rows")) {
        text.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      ((Map<String, String>) section.get("figures")).forEach((name, value) ->
          text.append("\n- ").append(name).append(": **").append(value).append("**"));
      return text.append("\n").toString();
    }

    private static long totalMemoryGiB() {
      try {
        String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024;
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
  }
}
