package mx.org.iecm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mx.org.iecm.bench.PgdBenchmark.Latencies;
import mx.org.iecm.bench.PgdBenchmark.Results;
import mx.org.iecm.bench.PgdBenchmark.TimedDriver;
import mx.org.iecm.pgd.audit.CaseList;
import mx.org.iecm.pgd.audit.CaseRecordService;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.status.StatusService;
import mx.org.iecm.pgd.support.StatementCounter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 3. Growth with history: closed cycles generated through the engine (as people complete them),
 * then the queries people wait for, at each count: p50/p95 over HTTP as the application answers
 * them, and the SQL statements of one call on the application's own service.
 */
final class GrowthBenchmark {

  private static final String TASKLIST_GROUP = "utsi-staff";
  private static final int OPEN_TASKS = 1000;
  private static final int SAMPLES = 40;
  private static final String MANAGER = "bench.manager";
  private static final String AUDITOR = "bench.auditor";
  private static final String STAFF = "bench.utsi";
  private static final String PASSWORD = "Consulta-de-pruebas-2026";

  private final Results results;
  private final ConfigurableApplicationContext app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  GrowthBenchmark(Results results, ConfigurableApplicationContext app) {
    this.results = results;
    this.app = app;
    this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  void run(List<Integer> counts, Duration budget) throws Exception {
    IdentityService identity = app.getBean(IdentityService.class);
    PgdBenchmark.ensureUser(identity, MANAGER, PASSWORD, "managers");
    PgdBenchmark.ensureUser(identity, AUDITOR, PASSWORD, "auditors");
    PgdBenchmark.ensureUser(identity, STAFF, PASSWORD, TASKLIST_GROUP);
    app.getBean(CycleService.class).startYear(2023);
    openTasks();

    Plan plan = app.getBean(PlanCatalog.class).plan(BenchPlan.CODE).orElseThrow();
    List<ActionLine> lines = plan.actionLines();
    int capacity = lines.size() * (BenchPlan.LAST_YEAR - BenchPlan.FIRST_YEAR + 1);
    String sample = BenchPlan.businessKey(1, BenchPlan.FIRST_YEAR);
    CycleService cycles = app.getBean(CycleService.class);
    TimedDriver driver = new TimedDriver(app);
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + budget.toNanos();
    long generationStart = System.nanoTime();

    Map<String, Map<Integer, Measured>> byQuery = new LinkedHashMap<>();
    List<Integer> reached = new ArrayList<>();
    for (int target : counts) {
      int goal = Math.min(target, capacity);
      PgdBenchmark.parallel(() -> {
        for (int index = next.getAndIncrement(); index < goal; index = next.getAndIncrement()) {
          if (System.nanoTime() > deadline) {
            next.decrementAndGet();
            return null;
          }
          ActionLine line = lines.get(index % lines.size());
          int year = BenchPlan.FIRST_YEAR + index / lines.size();
          cycles.startLine(year, line.id());
          driver.closeCycle(plan.code() + ":" + line.id() + ":" + year, year, line, null);
        }
        return null;
      });
      int count = Math.min(next.get(), goal);
      reached.add(count);
      System.out.printf("%d closed cycles generated in %.0f s%n", count, (System.nanoTime() - generationStart) / 1e9);
      measure(count, sample, byQuery);
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    double minutes = (System.nanoTime() - generationStart) / 60e9;

    List<String> header = new ArrayList<>(List.of("consulta"));
    for (int count : reached) {
      header.addAll(List.of("p50 ms (" + count + ")", "p95 ms (" + count + ")", "sentencias SQL (" + count + ")"));
    }
    header.add("p95 " + reached.get(reached.size() - 1) + "/" + reached.get(0));
    List<List<String>> rows = new ArrayList<>();
    byQuery.forEach((query, measured) -> {
      List<String> row = new ArrayList<>(List.of(query));
      for (int count : reached) {
        Measured m = measured.get(count);
        row.addAll(List.of(Latencies.format(m.p50()), Latencies.format(m.p95()), String.valueOf(m.statements())));
      }
      row.add(PgdBenchmark.ratio(measured.get(reached.get(reached.size() - 1)).p95(), measured.get(reached.get(0)).p95()));
      rows.add(row);
    });
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("ciclos cerrados alcanzados", reached.toString() + " de " + counts + " pedidos (cupo del plan sintético: "
        + capacity + ")");
    figures.put("tiempo de generación", String.format(java.util.Locale.ROOT, "%.1f min", minutes));
    figures.put("tareas abiertas del grupo " + TASKLIST_GROUP, String.valueOf(OPEN_TASKS));
    results.add("3. Crecimiento con el historial (" + SAMPLES + " muestras por consulta, por HTTP con autenticación)",
        header, rows, figures);
  }

  private void measure(int count, String sample, Map<String, Map<Integer, Measured>> byQuery) throws Exception {
    StatusService status = app.getBean(StatusService.class);
    CaseRecordService records = app.getBean(CaseRecordService.class);
    CaseList list = app.getBean(CaseList.class);
    TaskService tasks = app.getBean(TaskService.class);
    IdentityService identity = app.getBean(IdentityService.class);

    record(byQuery, "GET /api/status?year=2023", count,
        http(MANAGER, "/api/status?year=2023"), statements(() -> status.status(2023)));
    record(byQuery, "GET /api/audit/cases/{clave} (expediente cerrado)", count,
        http(AUDITOR, "/api/audit/cases/" + sample), statements(() -> records.record(sample)));
    record(byQuery, "GET /api/audit/cases?year=2000&area=osgce (lista con filtro)", count,
        http(AUDITOR, "/api/audit/cases?year=2000&area=osgce&size=50"),
        statements(() -> list.find(new CaseList.Filter(2000, "osgce", null, null, null, null), 0, 50)));
    identity.setAuthentication(STAFF, List.of(TASKLIST_GROUP));
    int taskStatements;
    try {
      taskStatements = statements(() -> {
        tasks.createTaskQuery().taskCandidateGroup(TASKLIST_GROUP).orderByTaskCreateTime().desc().listPage(0, 15);
        return tasks.createTaskQuery().taskCandidateGroup(TASKLIST_GROUP).count();
      });
    } finally {
      identity.clearAuthentication();
    }
    record(byQuery, "Tasklist: 15 tareas más recientes del grupo y su total (" + OPEN_TASKS + " abiertas)", count,
        http(STAFF, "/engine-rest/task?candidateGroup=" + TASKLIST_GROUP
            + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15",
            "/engine-rest/task/count?candidateGroup=" + TASKLIST_GROUP), taskStatements);
  }

  private static void record(Map<String, Map<Integer, Measured>> byQuery, String query, int count, Latencies latencies,
      int statements) {
    byQuery.computeIfAbsent(query, q -> new LinkedHashMap<>())
        .put(count, new Measured(latencies.p(50), latencies.p(95), statements));
  }

  private static int statements(Supplier<Object> call) {
    call.get();
    StatementCounter.reset();
    call.get();
    return StatementCounter.count();
  }

  /** Latency of the given requests made one after the other (one sample), after five warm-up samples. */
  private Latencies http(String user, String... paths) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Latencies latencies = new Latencies();
    for (int i = 0; i < SAMPLES + 5; i++) {
      long start = System.nanoTime();
      for (String path : paths) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", basic).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
      }
      if (i >= 5) {
        latencies.add(System.nanoTime() - start);
      }
    }
    return latencies;
  }

  /** Open tasks of one group, as a Tasklist user of a busy area would have them. */
  private void openTasks() {
    RepositoryService repository = app.getBean(RepositoryService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("bench-open-task").count() == 0) {
      repository.createDeployment().name("benchmark-tasklist").addModelInstance("bench-open-task.bpmn",
          Bpmn.createExecutableProcess("bench-open-task").camundaHistoryTimeToLive(2192).startEvent()
              .userTask("review").name("Revisar documento").camundaCandidateGroups(TASKLIST_GROUP).endEvent().done())
          .deploy();
    }
    long existing = runtime.createProcessInstanceQuery().processDefinitionKey("bench-open-task").count();
    for (long i = existing; i < OPEN_TASKS; i++) {
      runtime.startProcessInstanceByKey("bench-open-task");
    }
  }

  record Measured(double p50, double p95, int statements) {
  }
}
