package mx.org.iecm.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.org.iecm.bench.PgdBenchmark.Database;
import mx.org.iecm.bench.PgdBenchmark.Latencies;
import mx.org.iecm.bench.PgdBenchmark.Results;
import mx.org.iecm.bench.PgdBenchmark.TimedDriver;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.Browser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * 5. The waits people feel, in a real browser, side by side with a bare Camunda 7.24 starter
 * application: both run as JVMs of their own with the same options, on databases of the same server
 * holding the same volume (the lines of two years running, {@link #historyYears()} years of closed
 * cycles), and are measured alternately, round after round, each round with a new browser.
 *
 * <p>Each wait runs from the person's action (pressing «Iniciar sesión», clicking a task, pressing
 * «Completar», opening a page) to the moment the page shows what the person came for. Where stock
 * Camunda has no page of its own (the expediente, its PDF, the case list), the nearest page of its
 * Cockpit is measured and the table says so.
 */
final class WaitsBenchmark {

  private static final int ROUNDS = Integer.parseInt(PgdBenchmark.env("PGD_BENCH_WAITS_ROUNDS", "12"));
  private static final int WARM_UP = 2;
  private static final int LINES = 39;
  /** Tasks assigned to the person whose Tasklist is measured: their first filter lists them. */
  private static final int ASSIGNED = 30;
  private static final List<String> JVM = List.of("-Xms64m", "-Xmx1g", "-XX:MaxMetaspaceSize=256m");
  private static final String HEAD = "bench.head";
  private static final String HEAD_GROUP = BenchPlan.AREA + "-head";
  private static final String MANAGER = "bench.manager";
  private static final String PASSWORD = "Consulta-de-pruebas-2026";
  private static final String STOCK_PROCESS = "bench-stock";
  private static final String STOCK_GROUP = "bench-stock-group";
  private static final String STOCK_FORM = "bench-decision.form.html";
  /** Completions in a closed cycle of ours (line without co-responsible areas). */
  private static final int CYCLE_TASKS = 19;
  private static final Duration POLL = Duration.ofMillis(10);
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final String COCKPIT = "/camunda/app/cockpit/default/";
  private static final By LISTED_TASK = By.cssSelector("ol.tasks-list li.task h4.task a");
  private static final By LISTED = By.cssSelector("ol.tasks-list li.task, [cam-tasks] .well");
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By OUR_FORM = By.xpath("//form[contains(@class,'pgd-form')]//header[contains(@class,"
      + "'pgd-cycle')]/h3[contains(normalize-space(),'Línea ')]");
  private static final By OUR_APPROVE = By.xpath("//fieldset[contains(@class,'pgd-decision')]"
      + "//label[normalize-space()='Aprobar']/input");
  private static final By STOCK_DECISION = By.cssSelector("[cam-tasklist-form-embedded] select[cam-variable-name=decision]");
  private static final By DASHBOARD = By.cssSelector(".dashboard section.actual .value");
  private static final By OUR_PLAN = By.cssSelector(".pgd-plan tr[data-line]");
  private static final By DIAGRAM = By.cssSelector(".djs-container .djs-element.djs-shape");
  private static final By INSTANCE_ROWS = By.cssSelector("table tbody tr td.instance-id a");

  /** A stock embedded form with what our decision forms ask: the decision and comments. */
  private static final String STOCK_FORM_HTML = """
      <form role="form" name="taskForm">
        <div class="form-group">
          <label for="decision">Decisión</label>
          <select id="decision" class="form-control" cam-variable-name="decision" cam-variable-type="String" required>
            <option value="approve">Aprobar</option>
            <option value="return">Devolver con comentarios</option>
          </select>
        </div>
        <div class="form-group">
          <label for="comments">Comentarios</label>
          <textarea id="comments" class="form-control" cam-variable-name="comments" cam-variable-type="String"></textarea>
        </div>
      </form>
      """;

  private final Results results;
  private final Database database;
  private final PgdBenchmark bench;
  private final String catalog;
  private final HttpClient http = HttpClient.newHttpClient();

  WaitsBenchmark(Results results, Database database, PgdBenchmark bench, String catalog) {
    this.results = results;
    this.database = database;
    this.bench = bench;
    this.catalog = catalog;
  }

  /** Years of closed cycles of {@value #LINES} lines (PGD_BENCH_WAITS_YEARS, default 10). */
  private static int historyYears() {
    return Integer.parseInt(PgdBenchmark.env("PGD_BENCH_WAITS_YEARS", "10"));
  }

  /** What one application offers the browser: its port and the places measured on it. */
  private record Side(String name, boolean ours, int port, String closedCase, String runningInstance,
      String definition) {
  }

  void run() throws Exception {
    if (!Files.isExecutable(Browser.CHROMIUM) || !Files.isExecutable(Browser.CHROMEDRIVER)) {
      System.out.println("Parte 5 omitida: falta Chromium ('apt-get install chromium chromium-driver').");
      return;
    }
    String oursUrl = database.create("pgd_bench_waits");
    String stockUrl = database.create("pgd_bench_waits_stock");
    long generation = System.nanoTime();
    String closedCase = prepareOurs(oursUrl);
    int oursPort = StartupBenchmark.freePort();
    int stockPort = StartupBenchmark.freePort();
    Path logs = Files.createDirectories(Path.of("target/bench"));
    List<String> quiet = List.of("--camunda.bpm.job-execution.enabled=false");
    List<String> oursArguments = new ArrayList<>(quiet);
    oursArguments.add("--PGD_CATALOG_PLANS=" + catalog);
    Process ours = StartupBenchmark.launch(true, database, oursUrl, oursPort, JVM, oursArguments,
        logs.resolve("waits-ours.log"));
    Process stock = StartupBenchmark.launch(false, database, stockUrl, stockPort, JVM, quiet,
        logs.resolve("waits-stock.log"));
    try {
      StartupBenchmark.awaitReady(ours, oursPort, logs.resolve("waits-ours.log"), System.nanoTime());
      StartupBenchmark.awaitReady(stock, stockPort, logs.resolve("waits-stock.log"), System.nanoTime());
      Side stockSide = prepareStock(stockPort);
      analyze(oursUrl);
      analyze(stockUrl);
      double minutes = (System.nanoTime() - generation) / 60e9;
      Side oursSide = new Side("nuestra", true, oursPort, closedCase, null, null);
      Map<String, Latencies[]> waits = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        List<Side> order = round % 2 == 0 ? List.of(oursSide, stockSide) : List.of(stockSide, oursSide);
        for (Side side : order) {
          Map<String, Double> measured = round(side, round == ROUNDS - 1);
          System.out.printf("round %d %s %s%n", round, side.name(), measured);
          if (round >= WARM_UP) {
            measured.forEach((page, ms) -> waits.computeIfAbsent(page, p -> new Latencies[] {new Latencies(),
                new Latencies()})[side.ours() ? 0 : 1].add(Math.round(ms * 1e6)));
          }
        }
      }
      report(waits, minutes);
    } finally {
      ours.destroy();
      stock.destroy();
      ours.waitFor();
      stock.waitFor();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The same volume on both sides

  /**
   * Our side, through our services as people complete it: {@link #historyYears()} years of closed
   * cycles of {@value #LINES} lines, the real plan's lines of 2023 at their first task, and
   * {@value #LINES} lines of 2019 whose programs wait for the head, {@value #ASSIGNED} of them
   * assigned to the head. Returns the business key of a closed cycle.
   */
  private String prepareOurs(String url) throws Exception {
    try (ConfigurableApplicationContext app = bench.start(url, catalog, false)) {
      IdentityService identity = app.getBean(IdentityService.class);
      PgdBenchmark.ensureUser(identity, HEAD, PASSWORD, HEAD_GROUP);
      PgdBenchmark.ensureUser(identity, MANAGER, PASSWORD, "managers");
      CycleService cycles = app.getBean(CycleService.class);
      Plan plan = app.getBean(PlanCatalog.class).plan(BenchPlan.CODE).orElseThrow();
      List<ActionLine> lines = plan.actionLines().subList(0, LINES);
      cycles.startYear(2023);
      TimedDriver driver = new TimedDriver(app);
      int closed = LINES * historyYears();
      AtomicInteger next = new AtomicInteger();
      PgdBenchmark.parallel(() -> {
        for (int index = next.getAndIncrement(); index < closed; index = next.getAndIncrement()) {
          ActionLine line = lines.get(index % LINES);
          int year = BenchPlan.FIRST_YEAR + index / LINES;
          cycles.startLine(year, line.id());
          driver.closeCycle(plan.code() + ":" + line.id() + ":" + year, year, line, null);
        }
        return null;
      });
      for (ActionLine line : lines) {
        cycles.startLine(BenchPlan.LAST_YEAR, line.id());
        driver.draftProgram(plan.code() + ":" + line.id() + ":" + BenchPlan.LAST_YEAR, BenchPlan.LAST_YEAR, line);
      }
      TaskService tasks = app.getBean(TaskService.class);
      List<Task> waiting = tasks.createTaskQuery().taskCandidateGroup(HEAD_GROUP)
          .processInstanceBusinessKeyLike("%:" + BenchPlan.LAST_YEAR).orderByTaskCreateTime().asc().list();
      waiting.stream().limit(ASSIGNED).forEach(task -> tasks.claim(task.getId(), HEAD));
      return BenchPlan.businessKey(1, BenchPlan.FIRST_YEAR + historyYears() - 1);
    }
  }

  /**
   * The stock side, through its REST API as a client would: the bare process (19 tasks with a
   * candidate group, an escalation timer and the stock form each), as many closed instances as our
   * closed cycles, as many running ones as our running lines, {@value #ASSIGNED} tasks assigned to the
   * person, and a «Mis tareas» filter like ours.
   */
  private Side prepareStock(int port) throws Exception {
    RestClient rest = RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/engine-rest").build();
    MultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
    deployment.add("deployment-name", "banco-de-esperas");
    deployment.add("bpmn", file("bpmn", STOCK_PROCESS + ".bpmn", Bpmn.convertToString(PgdBenchmark.bareModel(
        STOCK_PROCESS, CYCLE_TASKS, true, STOCK_GROUP, "embedded:deployment:" + STOCK_FORM))));
    deployment.add("form", file("form", STOCK_FORM, STOCK_FORM_HTML));
    rest.post().uri("/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA).body(deployment)
        .retrieve().toBodilessEntity();
    String definition = rest.get().uri("/process-definition/key/{key}", STOCK_PROCESS).retrieve()
        .body(JsonNode.class).path("id").asText();

    int closed = LINES * historyYears();
    AtomicInteger next = new AtomicInteger();
    PgdBenchmark.parallel(() -> {
      for (int index = next.getAndIncrement(); index < closed; index = next.getAndIncrement()) {
        String instance = start(rest, "historia-" + index);
        for (int task = 0; task < CYCLE_TASKS; task++) {
          String id = rest.get().uri("/task?processInstanceId={id}", instance).retrieve().body(JsonNode.class)
              .path(0).path("id").asText();
          rest.post().uri("/task/{id}/complete", id).contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("variables", Map.of("decision", Map.of("value", "approve", "type", "String"))))
              .retrieve().toBodilessEntity();
        }
      }
      return null;
    });
    String running = null;
    for (int index = 0; index < 2 * LINES; index++) {
      running = start(rest, "en-curso-" + index);
    }
    JsonNode open = rest.get().uri("/task?processDefinitionKey={key}&sortBy=created&sortOrder=asc&maxResults={n}",
        STOCK_PROCESS, ASSIGNED).retrieve().body(JsonNode.class);
    for (JsonNode task : open) {
      rest.post().uri("/task/{id}/assignee", task.path("id").asText()).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("userId", PgdBenchmark.ADMIN)).retrieve().toBodilessEntity();
    }
    rest.post().uri("/filter/create").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("resourceType", "Task", "name", "Mis tareas",
            "query", Map.of("assigneeExpression", "${currentUser()}"), "properties", Map.of("priority", -20)))
        .retrieve().toBodilessEntity();
    return new Side("Camunda sola", false, port, null, running, definition);
  }

  /**
   * Brings the planner's statistics up to date, as autovacuum has long done in an installation that has
   * been running: just after the generation, the small ACT_RU_TASK still has the statistics of before
   * the claims (fewer changes than autovacuum's threshold), and the planner, expecting one assigned task
   * instead of {@value #ASSIGNED}, scans the authorizations once per task (BENCHMARKS.md §16.2).
   */
  private void analyze(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  /** A file part of a multipart request. */
  private static HttpEntity<byte[]> file(String part, String name, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDispositionFormData(part, name);
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static String start(RestClient rest, String businessKey) {
    return rest.post().uri("/process-definition/key/{key}/start", STOCK_PROCESS).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("businessKey", businessKey)).retrieve().body(JsonNode.class).path("id").asText();
  }

  // ---------------------------------------------------------------------------------------------
  // One round: a browser per person, the waits in the order a working day has them

  /**
   * One round: the head works a task in Tasklist, then the manager (stock: the same administrator)
   * opens Cockpit, an expediente, its PDF and the case list, each in a browser of their own that has
   * loaded Tasklist once since logging in. With {@code keep}, what the pages loaded (the browser's
   * resource timing) is kept in {@code target/bench/waits-resources-*.tsv}, to see where a wait goes.
   */
  private Map<String, Double> round(Side side, boolean keep) throws Exception {
    Map<String, Double> waits = new LinkedHashMap<>();
    try (Browser head = Browser.open(side.port())) {
      waits.put("Tasklist listo: abrir su dirección e iniciar sesión (sin contar el tecleo)",
          logIn(head, side, side.ours() ? HEAD : PgdBenchmark.ADMIN, visible(LISTED_TASK)));
      keepResources(head, keep, side, "tasklist");
      waits.put("Abrir el formulario de una tarea", timed(head,
          () -> head.driver().findElements(LISTED_TASK).get(0).click(), visible(side.ours() ? OUR_FORM : STOCK_DECISION)));
      keepResources(head, keep, side, "form");
      if (side.ours()) {
        head.click(head.waitFor(OUR_APPROVE));
      } else {
        new Select(head.waitFor(STOCK_DECISION)).selectByValue("approve");
      }
      var button = head.waitFor(COMPLETE);
      head.waitUntil(driver -> button.isEnabled());
      head.scrollTo(button);
      // Tasklist closes the task once the engine has completed it (on a refusal it keeps it open).
      waits.put("Completar la tarea", timed(head, button::click, driver -> driver.findElements(COMPLETE).isEmpty()));
      head.go("/favicon.ico");
      waits.put("Tasklist otra vez en la misma sesión (lo que el navegador guardó)",
          timed(head, () -> head.go(TASKLIST), visible(LISTED_TASK)));
      keepResources(head, keep, side, "tasklist-again");
    }
    try (Browser manager = Browser.open(side.port())) {
      logIn(manager, side, side.ours() ? MANAGER : PgdBenchmark.ADMIN, visible(LISTED));
      manager.go("/favicon.ico");
      waits.put("Cockpit: tablero", timed(manager, () -> manager.go(COCKPIT + "#/dashboard"),
          side.ours() ? all(visible(DASHBOARD), visible(OUR_PLAN)) : visible(DASHBOARD)));
      keepResources(manager, keep, side, "cockpit");
      manager.go("/favicon.ico");
      if (side.ours()) {
        waits.put("Expediente (página)", timed(manager, () -> manager.go("/audit/cases/" + side.closedCase()),
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Expediente del ciclo")));
        waits.put("Expediente (PDF)", download(manager, "/api/audit/cases/" + side.closedCase() + "/pdf"));
        manager.go("/favicon.ico");
        waits.put("Lista de expedientes", timed(manager, () -> manager.go("/audit/cases?year="
            + (BenchPlan.FIRST_YEAR + historyYears() - 1)), visible(By.cssSelector("table tbody tr td a"))));
      } else {
        waits.put("Expediente (página)", timed(manager,
            () -> manager.go(COCKPIT + "#/process-instance/" + side.runningInstance() + "/runtime"), visible(DIAGRAM)));
        manager.go("/favicon.ico");
        waits.put("Lista de expedientes", timed(manager,
            () -> manager.go(COCKPIT + "#/process-definition/" + side.definition() + "/runtime"),
            visible(INSTANCE_ROWS)));
      }
    }
    return waits;
  }

  /**
   * Opens Tasklist's address and logs in as {@code user}; returns the milliseconds from opening the
   * address to the login form, plus those from pressing «Iniciar sesión» to {@code ready}: the typing
   * is not counted. Ours asks on its login page; stock Camunda in a form of the Tasklist page.
   */
  private static double logIn(Browser browser, Side side, String user, Function<WebDriver, ?> ready) {
    By name = side.ours() ? By.id("username") : By.cssSelector("form[name=signinForm] input[ng-model=username]");
    By password = side.ours() ? By.id("password") : By.cssSelector("form[name=signinForm] input[ng-model=password]");
    By submit = side.ours() ? By.cssSelector("button[type=submit]")
        : By.cssSelector("form[name=signinForm] button[type=submit]");
    double toForm = timed(browser, () -> browser.go(TASKLIST), visible(name));
    browser.driver().findElement(name).sendKeys(user);
    browser.driver().findElement(password).sendKeys(side.ours() ? PASSWORD : PgdBenchmark.ADMIN_PASSWORD);
    return toForm + timed(browser, () -> browser.driver().findElement(submit).click(), ready);
  }

  /** The page's navigation and resources with their timings, one per line, when {@code keep}. */
  private static void keepResources(Browser browser, boolean keep, Side side, String page) throws java.io.IOException {
    if (!keep) {
      return;
    }
    Object entries = browser.script("return performance.getEntries().filter(e => e.entryType == 'navigation'"
        + " || e.entryType == 'resource').map(e => [e.entryType, Math.round(e.startTime), Math.round(e.duration),"
        + " Math.round(e.responseStart - e.requestStart), e.transferSize, e.name].join('\\t')).join('\\n');");
    Files.writeString(Path.of("target/bench/waits-resources-" + (side.ours() ? "ours" : "stock") + "-" + page + ".tsv"),
        "tipo\tinicio ms\tduración ms\tespera del servidor ms\tbytes\tdirección\n" + entries + "\n");
  }

  /** Milliseconds from the action to the moment {@code ready} holds, looked at every 10 ms. */
  private static double timed(Browser browser, Runnable action, Function<WebDriver, ?> ready) {
    long start = System.nanoTime();
    action.run();
    try {
      new WebDriverWait(browser.driver(), WAIT).pollingEvery(POLL).until(ready);
    } catch (RuntimeException e) {
      browser.screenshot("waits-failed-" + System.currentTimeMillis());
      try {
        Files.writeString(Path.of("target/screenshots/waits-failed.html"), browser.driver().getPageSource());
      } catch (java.io.IOException ignored) {
        // The screenshot says enough.
      }
      throw e;
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static Function<WebDriver, Boolean> visible(By locator) {
    return driver -> driver.findElements(locator).stream().anyMatch(element -> element.isDisplayed());
  }

  @SafeVarargs
  private static Function<WebDriver, Boolean> all(Function<WebDriver, Boolean>... conditions) {
    return driver -> {
      for (Function<WebDriver, Boolean> condition : conditions) {
        if (!Boolean.TRUE.equals(condition.apply(driver))) {
          return false;
        }
      }
      return true;
    };
  }

  /** Milliseconds to download {@code path} whole with the browser's session. */
  private double download(Browser browser, String path) throws Exception {
    String cookies = browser.driver().manage().getCookies().stream()
        .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
    String url = browser.driver().getCurrentUrl();
    URI base = URI.create(url);
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookies)
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200 || response.body().length < 1000) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return ms;
  }

  // ---------------------------------------------------------------------------------------------

  private void report(Map<String, Latencies[]> waits, double minutes) {
    Map<String, String> nearest = Map.of(
        "Expediente (página)", "Cockpit: página de una instancia en curso (diagrama, variables)",
        "Expediente (PDF)", "— (no tiene)",
        "Lista de expedientes", "Cockpit: instancias de la definición de proceso");
    List<List<String>> rows = new ArrayList<>();
    waits.forEach((page, sides) -> {
      Latencies ours = sides[0];
      Latencies stock = sides[1];
      boolean compared = stock.count() > 0;
      rows.add(List.of(page, Latencies.format(ours.p(50)), Latencies.format(ours.p(95)),
          nearest.getOrDefault(page, "la misma"),
          compared ? Latencies.format(stock.p(50)) : "", compared ? Latencies.format(stock.p(95)) : "",
          compared ? PgdBenchmark.ratio(ours.p(50), stock.p(50)) : "",
          compared ? PgdBenchmark.ratio(ours.p(95), stock.p(95)) : ""));
    });
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("volumen en cada lado", LINES * historyYears() + " ciclos cerrados (" + historyYears() + " años de "
        + LINES + " líneas), " + 2 * LINES + " líneas o instancias en curso, " + ASSIGNED
        + " tareas asignadas a la persona");
    figures.put("rondas medidas", (ROUNDS - WARM_UP) + " por lado, alternadas (" + WARM_UP + " de calentamiento)");
    figures.put("estadísticas del planificador", "al día (ANALYZE en las dos bases después de generar)");
    figures.put("JVM de cada aplicación", String.join(" ", JVM) + ", ejecutor de trabajos apagado");
    figures.put("tiempo de preparación", String.format(java.util.Locale.ROOT, "%.1f min", minutes));
    results.add("5. Esperas de las personas en el navegador (Chromium, es-MX, America/Mexico_City) contra Camunda"
            + " sola, mismo volumen",
        List.of("espera", "nuestra p50 ms", "nuestra p95 ms", "página de Camunda sola", "sola p50 ms", "sola p95 ms",
            "nuestra/sola p50", "nuestra/sola p95"),
        rows, figures);
  }
}
