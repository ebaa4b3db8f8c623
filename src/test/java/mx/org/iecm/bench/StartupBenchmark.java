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
 * restart, the everyday case), alternated. Both run as installed: ours through {@code ops/pgd-start.sh}
 * from the packaged jar (extracted, with and without its class data sharing archive), the bare one
 * from the same extracted libraries plus a jar holding {@link BareCamundaApplication} (with and without
 * an archive of its own, trained the same way). Ready = the first HTTP answer of
 * {@code /engine-rest/engine} (the engine is built and Tomcat serves); memory = resident set size 5 s later.
 */
final class StartupBenchmark {

  private static final List<String> JVM = List.of("-Xms64m", "-Xmx512m", "-XX:MaxMetaspaceSize=256m");
  private static final int RUNS = 3;
  private static final Path CACHE = Path.of("target/bench/start-cache");
  private static final Path STOCK_ARCHIVE = CACHE.resolve("bare.jsa");

  private final Results results;
  private final Database database;

  StartupBenchmark(Results results, Database database) {
    this.results = results;
    this.database = database;
  }

  /** A start-up variant: who starts, with or without a class data sharing archive, and extra arguments. */
  private record Variant(String label, boolean ours, boolean cds, List<String> arguments) {
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
    Variant oursCds = new Variant("nuestra, como la arranca el servicio (ops/pgd-start.sh, con archivo CDS)",
        true, true, List.of());
    Variant oursNoMigration = new Variant("nuestra, nodo que no migra el esquema (PGD_DB_MIGRATE=false), con archivo CDS",
        true, true, List.of("--PGD_DB_MIGRATE=false"));
    Variant oursPlain = new Variant("nuestra, sin archivo CDS (PGD_CDS=false)", true, false, List.of());
    Variant stockCds = new Variant("Camunda sola (webapps + REST), con archivo CDS", false, true, List.of());
    Variant stockPlain = new Variant("Camunda sola (webapps + REST)", false, false, List.of());
    List<Variant> variants = List.of(oursCds, oursNoMigration, oursPlain, stockCds, stockPlain);
    // The first start of ours extracts the jar and trains its archive; the first of the bare application
    // initialises its database; then the bare archive is trained. None of them is measured.
    org.springframework.util.FileSystemUtils.deleteRecursively(CACHE);
    start(oursCds, ours);
    start(stockPlain, bare);
    trainStockArchive(bare);
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
    Map<String, String> ratios = new LinkedHashMap<>();
    ratios.put("arranque nuestra/sola, ambas con CDS", PgdBenchmark.ratio(medians.get(oursCds)[0], medians.get(stockCds)[0]));
    ratios.put("arranque nuestra/sola, ninguna con CDS",
        PgdBenchmark.ratio(medians.get(oursPlain)[0], medians.get(stockPlain)[0]));
    ratios.put("arranque nuestra con CDS/sola sin CDS",
        PgdBenchmark.ratio(medians.get(oursCds)[0], medians.get(stockPlain)[0]));
    ratios.put("arranque nuestra sin migrar/sola, ambas con CDS",
        PgdBenchmark.ratio(medians.get(oursNoMigration)[0], medians.get(stockCds)[0]));
    ratios.put("arranque nuestra con CDS/nuestra sin CDS",
        PgdBenchmark.ratio(medians.get(oursCds)[0], medians.get(oursPlain)[0]));
    ratios.put("memoria nuestra/sola, ambas con CDS", PgdBenchmark.ratio(medians.get(oursCds)[1], medians.get(stockCds)[1]));
    ratios.put("memoria nuestra/sola, ninguna con CDS",
        PgdBenchmark.ratio(medians.get(oursPlain)[1], medians.get(stockPlain)[1]));
    results.add("4. Arranque y memoria contra una aplicación Camunda Spring Boot sin nada nuestro (mediana de "
            + RUNS + " reinicios; " + String.join(" ", JVM) + ")",
        List.of("aplicación", "listo en s", "memoria residente MiB"), rows, ratios);
    List<String> header = new ArrayList<>(List.of("aplicación"));
    STEPS.keySet().forEach(step -> header.add(step + " (s)"));
    results.add("4 bis. Arranque por pasos (segundos desde que se lanza la JVM, según su registro; mediana)", header,
        stepRows, Map.of());
  }

  /** Seconds to ready, resident MiB, then the seconds to each of {@link #STEPS} (NaN when not logged). */
  private double[] start(Variant variant, String url) throws Exception {
    int port = freePort();
    Path log = Files.createDirectories(Path.of("target/bench"))
        .resolve("start-" + (variant.ours() ? "ours" : "bare") + (variant.cds() ? "-cds" : "")
            + (variant.arguments().isEmpty() ? "" : "-" + variant.arguments().size()) + ".log");
    long begin = System.nanoTime();
    long launchedAt = System.currentTimeMillis();
    Process process = variant.ours()
        ? launchDeployed(database, url, port, variant.cds(), variant.arguments(), log)
        : launchStock(database, url, port, variant.cds() ? List.of("-XX:SharedArchiveFile=" + STOCK_ARCHIVE) : List.of(),
            log);
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
   * Our application as the service starts it: {@code ops/pgd-start.sh} on the packaged jar, its
   * extraction and archive in {@link #CACHE} (made by the first start), {@code cds} or not.
   */
  private Process launchDeployed(Database database, String url, int port, boolean cds, List<String> arguments,
      Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", "ops/pgd-start.sh", "--server.port=" + port,
        "--PGD_DB_URL=" + url, "--PGD_DB_USER=" + database.user(), "--PGD_DB_PASSWORD=" + database.password(),
        "--PGD_ADMIN_USER=" + PgdBenchmark.ADMIN, "--PGD_ADMIN_PASSWORD=" + PgdBenchmark.ADMIN_PASSWORD));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PGD_JAR", packagedJar().toString());
    builder.environment().put("PGD_APP_CACHE", CACHE.toAbsolutePath().toString());
    builder.environment().put("PGD_CDS", String.valueOf(cds));
    builder.environment().put("JAVA_OPTS", String.join(" ", JVM));
    return builder.start();
  }

  /**
   * The bare application on the libraries our first start extracted (in our jar's order) plus a jar of
   * {@link BareCamundaApplication}: only jars, as a class data sharing archive needs.
   */
  private Process launchStock(Database database, String url, int port, List<String> jvm, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM);
    command.addAll(jvm);
    command.addAll(List.of("-cp", stockJarClassPath(), BareCamundaApplication.class.getName(),
        "--spring.config.name=bare", "--server.port=" + port, "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
        "--camunda.bpm.database.schema-update=true", "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.admin-user.id=" + PgdBenchmark.ADMIN,
        "--camunda.bpm.admin-user.password=" + PgdBenchmark.ADMIN_PASSWORD));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The bare application's archive, trained as ops/pgd-start.sh trains ours: up to the context refresh. */
  private void trainStockArchive(String url) throws Exception {
    Path log = CACHE.resolve("bare-training.log");
    Process training = launchStock(database, url, freePort(),
        List.of("-XX:ArchiveClassesAtExit=" + STOCK_ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
            "-Dspring.context.exit=onRefresh"), log);
    if (!training.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) || !Files.exists(STOCK_ARCHIVE)) {
      training.destroyForcibly();
      throw new IllegalStateException("The bare application's training run made no archive; see " + log);
    }
  }

  private static String stockJarClassPath() throws IOException {
    Path app = CACHE.resolve("app");
    Path bareJar = CACHE.resolve("bare.jar");
    if (!Files.exists(bareJar)) {
      String entry = BareCamundaApplication.class.getName().replace('.', '/') + ".class";
      try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(bareJar));
          var in = BareCamundaApplication.class.getClassLoader().getResourceAsStream(entry)) {
        jar.putNextEntry(new java.util.jar.JarEntry(entry));
        in.transferTo(jar);
        jar.closeEntry();
      }
    }
    try (var jar = new java.util.jar.JarFile(app.resolve("pgd-workflows.jar").toFile())) {
      List<String> entries = new ArrayList<>();
      for (String library : jar.getManifest().getMainAttributes().getValue("Class-Path").trim().split("\\s+")) {
        entries.add(app.resolve(library).toAbsolutePath().toString());
      }
      entries.add(bareJar.toAbsolutePath().toString());
      return String.join(java.io.File.pathSeparator, entries);
    }
  }

  /** The jar {@code mvn package} made (the bench runs after packaging). */
  private static Path packagedJar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("pgd-workflows-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("No packaged jar in target/: mvn -B package first"));
    }
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
