package mx.org.iecm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mx.org.iecm.bench.PgdBenchmark.Database;
import mx.org.iecm.bench.PgdBenchmark.Results;
import mx.org.iecm.bench.bare.BareCamundaApplication;
import mx.org.iecm.pgd.PgdApplication;

/**
 * 4. Start-up and memory: our application and a bare Camunda Spring Boot starter application, each
 * started as a JVM of its own with the same options on a database it already initialised (a
 * restart, the everyday case), alternated. Ready = the first HTTP answer of {@code /engine-rest/engine}
 * (the engine is built and Tomcat serves); memory = resident set size 5 s later.
 */
final class StartupBenchmark {

  private static final List<String> JVM = List.of("-Xms64m", "-Xmx512m", "-XX:MaxMetaspaceSize=256m");
  private static final int RUNS = 3;

  private final Results results;
  private final Database database;

  StartupBenchmark(Results results, Database database) {
    this.results = results;
    this.database = database;
  }

  /** A start-up variant: who starts and with which extra arguments. */
  private record Variant(String label, boolean ours, List<String> arguments) {
  }

  /** Moments of a start read from its log, as seconds since the JVM was launched. */
  private static final Map<String, Pattern> STEPS = stepPatterns();

  private static Map<String, Pattern> stepPatterns() {
    Map<String, Pattern> steps = new LinkedHashMap<>();
    steps.put("primera línea del registro", Pattern.compile("Starting "));
    steps.put("contexto web listo", Pattern.compile("Root WebApplicationContext: initialization completed"));
    steps.put("motor creado", Pattern.compile("ENGINE-00001"));
    steps.put("Tomcat atiende", Pattern.compile("Tomcat started on port"));
    steps.put("aplicación iniciada", Pattern.compile("Started \\w+Application in"));
    return steps;
  }

  void run() throws Exception {
    String ours = database.create("pgd_start_ours");
    String bare = database.create("pgd_start_bare");
    List<Variant> variants = List.of(
        new Variant("nuestra", true, List.of()),
        new Variant("nuestra, nodo que no migra el esquema (PGD_DB_MIGRATE=false)", true,
            List.of("--PGD_DB_MIGRATE=false")),
        new Variant("nuestra, sin migrar y con todos los beans perezosos (experimento, no adoptado)", true,
            List.of("--PGD_DB_MIGRATE=false", "--spring.main.lazy-initialization=true")),
        new Variant("Camunda sola (webapps + REST)", false, List.of()));
    // The first start of each database initialises it; it is not measured.
    start(variants.get(0), ours);
    start(variants.get(3), bare);
    Map<Variant, List<double[]>> runs = new LinkedHashMap<>();
    for (int i = 0; i < RUNS; i++) {
      for (Variant variant : variants) {
        runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(start(variant, variant.ours() ? ours : bare));
      }
    }
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> stepRows = new ArrayList<>();
    Map<Variant, double[]> medians = new LinkedHashMap<>();
    for (Map.Entry<Variant, List<double[]>> entry : runs.entrySet()) {
      double[] median = median(entry.getValue());
      medians.put(entry.getKey(), median);
      rows.add(List.of(entry.getKey().label(), fmt(median[0]), fmt(median[1])));
      List<String> stepRow = new ArrayList<>(List.of(entry.getKey().label()));
      for (int step = 0; step < STEPS.size(); step++) {
        stepRow.add(fmt(median[2 + step]));
      }
      stepRows.add(stepRow);
    }
    double[] o = medians.get(variants.get(0));
    double[] noMigration = medians.get(variants.get(1));
    double[] b = medians.get(variants.get(3));
    results.add("4. Arranque y memoria contra una aplicación Camunda Spring Boot sin nada nuestro (mediana de "
            + RUNS + " reinicios; " + String.join(" ", JVM) + ")",
        List.of("aplicación", "listo en s", "memoria residente MiB"), rows,
        Map.of("arranque nuestra/sola", PgdBenchmark.ratio(o[0], b[0]),
            "arranque nuestra sin migrar/sola", PgdBenchmark.ratio(noMigration[0], b[0]),
            "memoria nuestra/sola", PgdBenchmark.ratio(o[1], b[1])));
    List<String> header = new ArrayList<>(List.of("aplicación"));
    STEPS.keySet().forEach(step -> header.add(step + " (s)"));
    results.add("4 bis. Arranque por pasos (segundos desde que se lanza la JVM, según su registro; mediana)", header,
        stepRows, Map.of());
  }

  /** Seconds to ready, resident MiB, then the seconds to each of {@link #STEPS} (NaN when not logged). */
  private double[] start(Variant variant, String url) throws Exception {
    int port = freePort();
    Path log = Files.createDirectories(Path.of("target/bench"))
        .resolve((variant.ours() ? "start-ours-" + variant.arguments().size() : "start-bare") + ".log");
    long begin = System.nanoTime();
    long launchedAt = System.currentTimeMillis();
    Process process = launch(variant.ours(), database, url, port, JVM, variant.arguments(), log);
    try {
      double ready = awaitReady(process, port, log, begin);
      Thread.sleep(5000);
      double[] measured = new double[2 + STEPS.size()];
      measured[0] = ready;
      measured[1] = residentMiB(process.pid());
      double[] steps = steps(log, launchedAt);
      System.arraycopy(steps, 0, measured, 2, steps.length);
      return measured;
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  /**
   * Launches our application ({@code ours}) or the bare Camunda starter application as a JVM of its
   * own on {@code url}, its output in {@code log}.
   */
  static Process launch(boolean ours, Database database, String url, int port, List<String> jvm,
      List<String> arguments, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(List.of("-cp", ours ? System.getProperty("java.class.path") : stockClassPath()));
    if (ours) {
      command.addAll(List.of(PgdApplication.class.getName(), "--server.port=" + port,
          "--PGD_DB_URL=" + url, "--PGD_DB_USER=" + database.user(), "--PGD_DB_PASSWORD=" + database.password(),
          "--PGD_ADMIN_USER=" + PgdBenchmark.ADMIN, "--PGD_ADMIN_PASSWORD=" + PgdBenchmark.ADMIN_PASSWORD));
    } else {
      command.addAll(List.of(BareCamundaApplication.class.getName(), "--spring.config.name=bare",
          "--server.port=" + port, "--spring.datasource.url=" + url,
          "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
          "--camunda.bpm.database.schema-update=true", "--camunda.bpm.auto-deployment-enabled=false",
          "--camunda.bpm.admin-user.id=" + PgdBenchmark.ADMIN,
          "--camunda.bpm.admin-user.password=" + PgdBenchmark.ADMIN_PASSWORD));
    }
    command.addAll(arguments);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * The class path without our application's own classes and resources: otherwise the stock
   * application would serve our webapp customisations (META-INF/resources/webjars) too.
   */
  private static String stockClassPath() {
    try {
      Path ours = Path.of(PgdApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
          .filter(entry -> !Path.of(entry).toAbsolutePath().equals(ours.toAbsolutePath()))
          .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Seconds from {@code begin} to the first HTTP answer of {@code /engine-rest/engine}. */
  static double awaitReady(Process process, int port, Path log, long begin) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/engine"))
        .timeout(Duration.ofSeconds(5)).build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application stopped while starting; see " + log);
      }
      if (System.nanoTime() - begin > Duration.ofMinutes(3).toNanos()) {
        throw new IllegalStateException("Not ready after 3 minutes; see " + log);
      }
      try {
        http.send(probe, HttpResponse.BodyHandlers.discarding());
        return (System.nanoTime() - begin) / 1e9;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
  }

  /** When each step first shows in the log (Spring Boot's timestamps, to the millisecond). */
  private static double[] steps(Path log, long launchedAt) throws IOException {
    double[] at = new double[STEPS.size()];
    java.util.Arrays.fill(at, Double.NaN);
    List<Pattern> patterns = new ArrayList<>(STEPS.values());
    for (String line : Files.readAllLines(log)) {
      String[] words = line.strip().split("\\s+", 2);
      java.time.OffsetDateTime time;
      try {
        time = java.time.OffsetDateTime.parse(words[0]);
      } catch (java.time.format.DateTimeParseException notStamped) {
        continue;
      }
      for (int i = 0; i < patterns.size(); i++) {
        if (Double.isNaN(at[i]) && patterns.get(i).matcher(line).find()) {
          at[i] = (time.toInstant().toEpochMilli() - launchedAt) / 1000.0;
        }
      }
    }
    return at;
  }

  private static double residentMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for " + pid);
  }

  private static double[] median(List<double[]> runs) {
    double[] median = new double[runs.get(0).length];
    for (int i = 0; i < median.length; i++) {
      final int column = i;
      List<Double> values = runs.stream().map(run -> run[column]).sorted().toList();
      median[i] = values.get(values.size() / 2);
    }
    return median;
  }

  private static String fmt(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
