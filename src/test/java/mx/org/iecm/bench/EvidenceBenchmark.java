package mx.org.iecm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import mx.org.iecm.pgd.audit.CaseRecordService;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.evidence.EvidenceFiles;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.SampleEvidence;
import mx.org.iecm.pgd.support.StatementCounter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Evidence files: a 25 MB upload over HTTP (time, and how much the application's heap grows while it
 * runs), and the expediente of a cycle as its files go from 1 to 50 (SQL statements and time).
 */
final class EvidenceBenchmark {

  private static final String KEY = "PGD-2020-2023:1.1:2021";
  private static final int UPLOADS = 5;

  private final PgdBenchmark.Results results;
  private final ConfigurableApplicationContext app;

  EvidenceBenchmark(PgdBenchmark.Results results, ConfigurableApplicationContext app) {
    this.results = results;
    this.app = app;
  }

  void run() throws Exception {
    TaskService tasks = app.getBean(TaskService.class);
    CycleDriver driver = new CycleDriver(tasks, app.getBean(IdentityService.class), app.getBean(RuntimeService.class),
        app.getBean(ManagementService.class), app.getBean(DataSource.class));
    app.getBean(CycleService.class).startLine(2021, "1.1");
    ActionLine line = app.getBean(PlanCatalog.class).actionLine("PGD-2020-2023", "1.1").orElseThrow();
    driver.plan(KEY, 2021, line.responsibleArea(), line.coResponsibleAreas());
    driver.reportTheYear(KEY, line.responsibleArea());
    Task results = tasks.createTaskQuery().processInstanceBusinessKey(KEY).singleResult();
    tasks.setAssignee(results.getId(), PgdBenchmark.ADMIN);

    upload(results.getId());
    record(results);
  }

  /** The same 25 MB PDF uploaded {@link #UPLOADS} times (after one to warm up), removed after each. */
  private void upload(String taskId) throws Exception {
    Path file = Files.createTempFile("bench-evidence-", ".pdf");
    byte[] block = new byte[1 << 20];
    new Random(7).nextBytes(block);
    try (var out = Files.newOutputStream(file)) {
      out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 24; i++) {
        out.write(block);
      }
      out.write(block, 0, block.length - 16);
    }
    long size = Files.size(file);
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    EvidenceFiles files = app.getBean(EvidenceFiles.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    PgdBenchmark.Latencies times = new PgdBenchmark.Latencies();
    List<Long> growth = new ArrayList<>();
    List<Long> allocated = new ArrayList<>();
    List<Long> retained = new ArrayList<>();
    String url = "http://127.0.0.1:" + port + "/api/tasks/" + taskId + "/evidence?name=informe-25mb.pdf";
    for (int round = 0; round <= UPLOADS; round++) {
      System.gc();
      long before = heapUsed();
      long allocatedBefore = allocated(threads);
      resetPeaks();
      long start = System.nanoTime();
      // curl sends the file from a process of its own: what this JVM allocates is the server's alone.
      Process curl = new ProcessBuilder("curl", "--silent", "--show-error", "--output", "/dev/null",
          "--write-out", "%{http_code}", "--user", PgdBenchmark.ADMIN + ":" + PgdBenchmark.ADMIN_PASSWORD,
          "--header", "Content-Type: application/octet-stream", "--data-binary", "@" + file, url)
          .redirectErrorStream(true).start();
      String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      curl.waitFor();
      long nanos = System.nanoTime() - start;
      long peak = heapPeak();
      long allocation = allocated(threads) - allocatedBefore;
      if (!status.equals("201")) {
        throw new IllegalStateException("Upload refused: " + status);
      }
      System.gc();
      long after = heapUsed();
      if (round > 0) {
        times.add(nanos);
        growth.add(Math.max(0, peak - before));
        allocated.add(allocation);
        retained.add(Math.max(0, after - before));
      }
      files.ofTask(taskId).forEach(stored -> files.delete(stored.id()));
    }
    Files.delete(file);
    double mb = size / 1_048_576.0;
    results.add("5. Evidencias: carga de un archivo de " + String.format(java.util.Locale.ROOT, "%.1f", mb) + " MB por HTTP (" + UPLOADS
            + " cargas tras una de calentamiento)",
        List.of("medida", "valor"),
        List.of(List.of("p50 de la carga (ms)", String.format(java.util.Locale.ROOT, "%.0f", times.p(50))),
            List.of("p95 de la carga (ms)", String.format(java.util.Locale.ROOT, "%.0f", times.p(95))),
            List.of("MB/s (p50)", String.format(java.util.Locale.ROOT, "%.1f", mb / (times.p(50) / 1000.0))),
            List.of("memoria asignada por el servidor durante la carga, mediana (MB)", mb(median(allocated))),
            List.of("pico del heap sobre el de antes (sin recolección en medio: basura incluida), mediana (MB)",
                mb(median(growth))),
            List.of("heap retenido tras la carga y una recolección, mediana (MB)", mb(median(retained)))),
        Map.of("MB por carga", String.format(java.util.Locale.ROOT, "%.1f", mb)));
  }

  /** The expediente of the cycle with 1, 10 and 50 evidence files: statements and time. */
  private void record(Task task) throws Exception {
    EvidenceFiles files = app.getBean(EvidenceFiles.class);
    CaseRecordService records = app.getBean(CaseRecordService.class);
    Path pdf = Files.createTempFile("bench-small-", ".pdf");
    Files.write(pdf, SampleEvidence.PDF);
    List<List<String>> rows = new ArrayList<>();
    Map<Integer, Integer> statements = new java.util.TreeMap<>();
    int stored = 0;
    for (int wanted : new int[] {1, 10, 50}) {
      for (; stored < wanted; stored++) {
        files.store(new EvidenceFiles.TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName(), KEY,
            task.getProcessInstanceId()), "evidencia-" + stored + ".pdf", "application/pdf", PgdBenchmark.ADMIN,
            Instant.now(), pdf, SampleEvidence.PDF.length, SampleEvidence.sha256(SampleEvidence.PDF));
      }
      records.record(KEY);
      PgdBenchmark.Latencies times = new PgdBenchmark.Latencies();
      int count = 0;
      for (int i = 0; i < 20; i++) {
        StatementCounter.reset();
        long start = System.nanoTime();
        int listed = records.record(KEY).evidence().size();
        times.add(System.nanoTime() - start);
        count = StatementCounter.count();
        if (listed != wanted) {
          throw new IllegalStateException("The record lists " + listed + " files, not " + wanted);
        }
      }
      statements.put(wanted, count);
      rows.add(List.of(String.valueOf(wanted), String.valueOf(count), String.format(java.util.Locale.ROOT, "%.1f", times.p(50)),
          String.format(java.util.Locale.ROOT, "%.1f", times.p(95))));
    }
    Files.delete(pdf);
    results.add("6. Expediente de un ciclo con 1, 10 y 50 archivos de evidencia (20 lecturas cada uno)",
        List.of("archivos", "sentencias SQL", "p50 ms", "p95 ms"), rows,
        Map.of("sentencias con 50 archivos / con 1", String.format(java.util.Locale.ROOT, "%.2f", statements.get(50)
            / (double) statements.get(1))));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(Long::compare);
    return sorted.get(sorted.size() / 2);
  }

  private static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
  }

  /** Bytes allocated so far by every live thread of this JVM. */
  private static long allocated(com.sun.management.ThreadMXBean threads) {
    long total = 0;
    for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, allocated);
    }
    return total;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  private static long heapUsed() {
    return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of each heap pool's peak since the reset: an upper bound of the heap in use meanwhile. */
  private static long heapPeak() {
    return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }
}
