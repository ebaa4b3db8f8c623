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
import java.util.List;
import java.util.Map;
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

  void run() throws Exception {
    String ours = database.create("pgd_start_ours");
    String bare = database.create("pgd_start_bare");
    start(true, ours);
    start(false, bare);
    List<double[]> oursRuns = new ArrayList<>();
    List<double[]> bareRuns = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      oursRuns.add(start(true, ours));
      bareRuns.add(start(false, bare));
    }
    double[] o = median(oursRuns);
    double[] b = median(bareRuns);
    results.add("4. Arranque y memoria contra una aplicación Camunda Spring Boot sin nada nuestro (mediana de "
            + RUNS + " reinicios; " + String.join(" ", JVM) + ")",
        List.of("aplicación", "listo en s", "memoria residente MiB"),
        List.of(List.of("nuestra", fmt(o[0]), fmt(o[1])), List.of("Camunda sola (webapps + REST)", fmt(b[0]), fmt(b[1]))),
        Map.of("arranque nuestra/sola", PgdBenchmark.ratio(o[0], b[0]),
            "memoria nuestra/sola", PgdBenchmark.ratio(o[1], b[1])));
  }

  /** Seconds to ready and resident MiB of one start. */
  private double[] start(boolean ours, String url) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM);
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
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
    Path log = Files.createDirectories(Path.of("target/bench")).resolve((ours ? "start-ours" : "start-bare") + ".log");
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/engine"))
          .timeout(Duration.ofSeconds(5)).build();
      double ready = -1;
      while (ready < 0) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The application stopped while starting; see " + log);
        }
        if (System.nanoTime() - begin > Duration.ofMinutes(3).toNanos()) {
          throw new IllegalStateException("Not ready after 3 minutes; see " + log);
        }
        try {
          http.send(probe, HttpResponse.BodyHandlers.discarding());
          ready = (System.nanoTime() - begin) / 1e9;
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
      Thread.sleep(5000);
      return new double[] {ready, residentMiB(process.pid())};
    } finally {
      process.destroy();
      process.waitFor();
    }
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
    double[] median = new double[2];
    for (int i = 0; i < 2; i++) {
      final int column = i;
      List<Double> values = runs.stream().map(run -> run[column]).sorted().toList();
      median[i] = values.get(values.size() / 2);
    }
    return median;
  }

  private static String fmt(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
