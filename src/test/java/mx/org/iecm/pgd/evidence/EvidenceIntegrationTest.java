package mx.org.iecm.pgd.evidence;

import static mx.org.iecm.pgd.support.Submissions.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.EngineRest;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.SampleEvidence;
import mx.org.iecm.pgd.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files on a real PostgreSQL with security on: who adds, reads, downloads and removes them,
 * what is refused and why, and that «Informar resultados finales» is not completed without one.
 */
@PgdIntegrationTest
@OwnsCycles({"5.1:2021", "5.2:2021"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceIntegrationTest {

  static final String OPEN = "PGD-2020-2023:5.1:2021";
  static final String COMPLETED = "PGD-2020-2023:5.2:2021";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  CycleService cycles;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  DataSource dataSource;
  @Autowired
  EvidenceFiles files;
  @Autowired
  EvidenceAccess access;
  @LocalServerPort
  int port;

  String resultsTask;

  /** 5.1:2021 waits for its results; 5.2:2021 gets there too, for the completion test. */
  @BeforeAll
  void twoCyclesAtTheirResults() {
    CycleDriver driver = new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource);
    cycles.startLine(2021, "5.1");
    driver.plan(OPEN, 2021, "utcsyd", List.of());
    driver.reportTheYear(OPEN, "utcsyd");
    cycles.startLine(2021, "5.2");
    driver.plan(COMPLETED, 2021, "utcsyd", List.of("utvoe"));
    driver.reportTheYear(COMPLETED, "utcsyd");
    resultsTask = taskService.createTaskQuery().processInstanceBusinessKey(OPEN).singleResult().getId();
  }

  private ResponseEntity<JsonNode> upload(String user, String taskId, String name, byte[] bytes) {
    return rest.withBasicAuth(user, "demo").exchange(RequestEntity.post("/api/tasks/{id}/evidence?name={name}",
        taskId, name).contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes), JsonNode.class);
  }

  private long storedFiles() {
    return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM pgd_evidence_file").query(Long.class).single();
  }

  private long storedChunks() {
    return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM pgd_evidence_chunk").query(Long.class).single();
  }

  @Test
  void staffOfTheAreaAddsTheFileEveryReaderDownloadsTheSameBytesAndOnlyItsUploaderRemovesIt() {
    byte[] pdf = SampleEvidence.pdf("Informe de resultados 2021, línea 5.1");
    ResponseEntity<JsonNode> added = upload("utcsyd-staff1", resultsTask, "informe de resultados.pdf", pdf);

    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode file = added.getBody();
    assertThat(file.get("fileName").asText()).isEqualTo("informe de resultados.pdf");
    assertThat(file.get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("typeLabel").asText()).isEqualTo("PDF");
    assertThat(file.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(file.get("sha256").asText()).isEqualTo(SampleEvidence.sha256(pdf));
    assertThat(file.get("uploadedBy").asText()).isEqualTo("utcsyd-staff1");
    String id = file.get("id").asText();
    assertThat(files.find(id)).hasValueSatisfying(stored -> {
      assertThat(stored.businessKey()).isEqualTo(OPEN);
      assertThat(stored.taskKey()).isEqualTo("Task_ReportResults");
      assertThat(stored.taskName()).isEqualTo("Informar resultados finales · línea 5.1 · 2021");
    });
    assertThat(files.digestOfStoredBytes(id)).isEqualTo(SampleEvidence.sha256(pdf));

    JsonNode listed = rest.withBasicAuth("utcsyd-staff2", "demo").getForObject("/api/tasks/{id}/evidence",
        JsonNode.class, resultsTask);
    assertThat(listed.get("open").asBoolean()).isTrue();
    assertThat(listed.get("mayAdd").asBoolean()).isTrue();
    assertThat(listed.get("files")).extracting(f -> f.get("id").asText()).contains(id);

    for (String reader : List.of("auditor1", "utcsyd-head1", "sgce1", "manager2")) {
      ResponseEntity<byte[]> download = rest.withBasicAuth(reader, "demo").getForEntity("/api/evidence/{id}",
          byte[].class, id);
      assertThat(download.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).as(reader).isEqualTo(pdf);
      assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
      assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("informe de resultados.pdf");
      assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    JsonNode auditorsView = rest.withBasicAuth("auditor1", "demo").getForObject("/api/tasks/{id}/evidence",
        JsonNode.class, resultsTask);
    assertThat(auditorsView.get("mayAdd").asBoolean()).isFalse();

    ResponseEntity<JsonNode> othersRemoval = rest.withBasicAuth("utcsyd-staff2", "demo").exchange(
        RequestEntity.delete("/api/evidence/{id}", id).build(), JsonNode.class);
    assertThat(othersRemoval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(othersRemoval.getBody().get("detail").asText())
        .isEqualTo("«informe de resultados.pdf» lo adjuntó utcsyd-staff1: solo esa persona puede quitarlo.");
    assertThat(files.find(id)).isPresent();

    ResponseEntity<Void> removal = rest.withBasicAuth("utcsyd-staff1", "demo").exchange(
        RequestEntity.delete("/api/evidence/{id}", id).build(), Void.class);
    assertThat(removal.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(files.find(id)).isEmpty();
    assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM pgd_evidence_chunk WHERE file_id = ?")
        .param(id).query(Long.class).single()).isZero();
  }

  @Test
  void anotherAreaAuditorsAndManagersAddNothingAndAnotherAreaReadsNothing() {
    long before = storedFiles();
    for (String outsider : List.of("ci-staff1", "auditor1", "manager1", "sgce2")) {
      ResponseEntity<JsonNode> refused = upload(outsider, resultsTask, "informe.pdf", SampleEvidence.PDF);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("detail").asText()).as(outsider)
          .isEqualTo("Solo quien puede trabajar la tarea «Informar resultados finales · línea 5.1 · 2021» adjunta o"
              + " quita evidencias.");
    }
    assertThat(storedFiles()).isEqualTo(before);

    String id = upload("utcsyd-staff1", resultsTask, "minuta.pdf", SampleEvidence.PDF).getBody().get("id").asText();
    assertThat(rest.withBasicAuth("ci-staff1", "demo").getForEntity("/api/tasks/{id}/evidence", JsonNode.class,
        resultsTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("ci-staff1", "demo").getForEntity("/api/evidence/{id}", JsonNode.class, id)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/evidence/{id}", JsonNode.class, id).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    files.delete(id);
  }

  @Test
  void theTypeIsJudgedByTheBytesNotByTheName() throws IOException {
    long before = storedFiles();
    String html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
    assertRefused("informe.pdf", html.getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "«informe.pdf»: su contenido es una página HTML, que no se acepta como evidencia; se aceptan PDF, PNG, JPEG,"
            + " Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods) o CSV.");
    String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    assertRefused("foto.png", svg.getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "«foto.png»: su contenido es una imagen SVG (puede llevar código)");
    assertRefused("datos.csv", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "«datos.csv»: su contenido es un guion de comandos");
    assertRefused("informe.docx", zip("informe.txt", "texto"), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "«informe.docx»: es un archivo comprimido (ZIP)");
    assertRefused("notas.txt", "solo texto".getBytes(StandardCharsets.UTF_8), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "«notas.txt»: es texto sin formato");
    assertRefused("vacío.pdf", new byte[0], HttpStatus.BAD_REQUEST, "«vacío.pdf»: el archivo está vacío.");
    assertRefused("../../etc/\u0007.pdf", SampleEvidence.PDF, HttpStatus.BAD_REQUEST,
        "«name»: el nombre del archivo no puede llevar caracteres de control.");
    assertThat(storedFiles()).isEqualTo(before);

    // What is accepted, judged by its content: an Office document named oddly, CSV text.
    JsonNode docx = upload("utcsyd-staff1", resultsTask, "lista de asistencia.bin", docx()).getBody();
    assertThat(docx.get("mediaType").asText()).isEqualTo(EvidenceTypes.DOCX);
    assertThat(docx.get("typeLabel").asText()).isEqualTo("documento de Word");
    JsonNode csv = upload("utcsyd-staff1", resultsTask, "alcance.csv", "municipio,personas\nTlalpan,120\n"
        .getBytes(StandardCharsets.UTF_8)).getBody();
    assertThat(csv.get("mediaType").asText()).isEqualTo("text/csv");
    files.delete(docx.get("id").asText());
    files.delete(csv.get("id").asText());
  }

  private void assertRefused(String name, byte[] bytes, HttpStatus status, String message) {
    ResponseEntity<JsonNode> refused = upload("utcsyd-staff1", resultsTask, name, bytes);
    assertThat(refused.getStatusCode()).as(name).isEqualTo(status);
    assertThat(refused.getBody().get("detail").asText()).as(name).startsWith(message);
  }

  @Test
  void aFileOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNotAndNothingIsKept() throws Exception {
    long files = storedFiles();
    long chunks = storedChunks();
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    System.arraycopy(SampleEvidence.PDF, 0, big, 0, SampleEvidence.PDF.length);
    assertRefused("grande.pdf", big, HttpStatus.PAYLOAD_TOO_LARGE,
        "«grande.pdf»: pesa más de 25.0 MB, el máximo por archivo.");

    // Sent in chunks, with no length said beforehand: counted as it arrives, and refused all the same.
    HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/api/tasks/" + resultsTask + "/evidence?name=grande.pdf"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("utcsyd-staff1:demo".getBytes()))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
          private long left = 26L * 1024 * 1024;

          @Override
          public int read() {
            return left-- > 0 ? '%' : -1;
          }
        })).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(streamed.body()).contains("pesa más de 25.0 MB");
    assertThat(storedFiles()).isEqualTo(files);
    assertThat(storedChunks()).isEqualTo(chunks);
  }

  @Test
  void aTaskHoldsNoMoreThanItsLimitAndAPersonUploadsNoMoreThanTheirShareAMinute() throws IOException {
    EvidenceProperties small = new EvidenceProperties(DataSize.ofKilobytes(4), DataSize.ofKilobytes(4), 3);
    EvidenceUploads uploads = new EvidenceUploads(files, access, small, new UploadThrottle(small, Clock.systemUTC()),
        Clock.systemUTC());
    var staff = new UsernamePasswordAuthenticationToken("utcsyd-staff1", null,
        AuthorityUtils.createAuthorityList("utcsyd-staff"));
    byte[] csv = ("a,b\n" + "1,2\n".repeat(700)).getBytes(StandardCharsets.UTF_8);
    byte[] tiny = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    EvidenceFile first = uploads.upload(resultsTask, "uno.csv", csv.length, new ByteArrayInputStream(csv), staff);

    assertThatThrownBy(() -> uploads.upload(resultsTask, "dos.csv", csv.length, new ByteArrayInputStream(csv), staff))
        .isInstanceOf(ApiException.class).hasMessage("«dos.csv»: la tarea ya tiene 2.7 KB de evidencias y con este"
            + " archivo pasaría de 4.0 KB, el máximo por tarea.");
    // Its length unsaid, the file is counted as it arrives and refused all the same (it counts as a send).
    assertThatThrownBy(() -> uploads.upload(resultsTask, "dos.csv", -1, new ByteArrayInputStream(csv), staff))
        .isInstanceOf(ApiException.class).hasMessageContaining("pasaría de 4.0 KB");
    EvidenceFile second = uploads.upload(resultsTask, "tres.csv", tiny.length, new ByteArrayInputStream(tiny), staff);
    assertThatThrownBy(() -> uploads.upload(resultsTask, "cuatro.csv", tiny.length, new ByteArrayInputStream(tiny),
        staff)).isInstanceOf(ApiException.class).hasMessage("«cuatro.csv»: ha enviado 3 archivos en el último minuto;"
            + " espere un momento y vuelva a intentarlo.");
    assertThat(files.ofTask(resultsTask)).extracting(EvidenceFile::fileName).contains("uno.csv", "tres.csv")
        .doesNotContain("dos.csv", "cuatro.csv");
    files.delete(first.id());
    files.delete(second.id());
  }

  @Autowired
  EvidenceMetrics metrics;
  @Autowired
  mx.org.iecm.pgd.catalog.PlanCatalog catalog;

  @Test
  void theMetricsSayWhatEvidenceWeighsPerAreaAndTheHeaviestCycle() {
    String id = upload("utcsyd-staff1", resultsTask, "minuta.pdf", SampleEvidence.PDF).getBody().get("id").asText();
    try {
      metrics.refresh();
      String scrape = rest.withBasicAuth("manager1", "demo").getForObject("/actuator/prometheus", String.class);
      long utcsyd = 0;
      long heaviest = 0;
      for (var cycle : files.bytesPerCycle().entrySet()) {
        heaviest = Math.max(heaviest, cycle.getValue());
        var key = mx.org.iecm.pgd.cycle.BusinessKey.parse(cycle.getKey());
        if (catalog.actionLine(key.planCode(), key.actionLineId()).orElseThrow().responsibleArea().equals("utcsyd")) {
          utcsyd += cycle.getValue();
        }
      }
      assertThat(utcsyd).isGreaterThanOrEqualTo(SampleEvidence.PDF.length);
      assertThat(scrape).contains("pgd_evidence_bytes{area=\"utcsyd\"} " + (double) utcsyd)
          .contains("pgd_evidence_cycle_max_bytes " + (double) heaviest);
    } finally {
      files.delete(id);
    }
  }

  @Test
  void resultsAreNotCompletedWithoutAFileAndAreWithOne() {
    EngineRest engine = new EngineRest(rest);
    JsonNode task = engine.task("utcsyd-staff1", COMPLETED, "utcsyd-staff");
    String taskId = task.get("id").asText();

    ResponseEntity<JsonNode> refused = engine.submit("utcsyd-staff1", taskId, results());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").asText()).contains("Evidencias: adjunte al menos un archivo en la"
        + " pestaña «Evidencias»");
    assertThat(refused.getBody().get("problems")).anySatisfy(problem ->
        assertThat(problem.get("field").asText()).isEqualTo("evidence"));
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

    assertThat(upload("utcsyd-staff1", taskId, "informe.pdf", SampleEvidence.PDF).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(engine.submit("utcsyd-staff1", taskId, results()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // Completed: its evidence no longer changes, and stays readable.
    ResponseEntity<JsonNode> late = upload("utcsyd-staff1", taskId, "tarde.pdf", SampleEvidence.PDF);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("detail").asText())
        .isEqualTo("La tarea «Informar resultados finales · línea 5.2 · 2021» ya se completó: sus evidencias ya no"
            + " cambian.");
    JsonNode listed = rest.withBasicAuth("auditor2", "demo").getForObject("/api/tasks/{id}/evidence", JsonNode.class,
        taskId);
    assertThat(listed.get("open").asBoolean()).isFalse();
    assertThat(listed.get("files")).extracting(f -> f.get("fileName").asText()).containsExactly("informe.pdf");

    // The head who approves the results sees, on the approval, the files of the report it decides on.
    String approval = taskService.createTaskQuery().processInstanceBusinessKey(COMPLETED).singleResult().getId();
    JsonNode onApproval = rest.withBasicAuth("utcsyd-head1", "demo").getForObject("/api/tasks/{id}/evidence",
        JsonNode.class, approval);
    assertThat(onApproval.get("files")).isEmpty();
    assertThat(onApproval.get("earlier")).singleElement().satisfies(earlier -> {
      assertThat(earlier.get("taskName").asText()).isEqualTo("Informar resultados finales · línea 5.2 · 2021");
      assertThat(earlier.at("/file/fileName").asText()).isEqualTo("informe.pdf");
      assertThat(earlier.at("/file/removable").asBoolean()).isFalse();
    });
  }

  private static byte[] zip(String entry, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** The smallest Word package: its content types and its document part. */
  private static byte[] docx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
          + "2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
