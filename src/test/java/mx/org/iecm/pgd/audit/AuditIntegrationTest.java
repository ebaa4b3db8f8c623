package mx.org.iecm.pgd.audit;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.closingReport;
import static mx.org.iecm.pgd.support.Submissions.decision;
import static mx.org.iecm.pgd.support.Submissions.implementation;
import static mx.org.iecm.pgd.support.Submissions.progress;
import static mx.org.iecm.pgd.support.Submissions.results;
import static mx.org.iecm.pgd.support.Submissions.returned;
import static mx.org.iecm.pgd.support.Submissions.rootCause;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.audit.CaseRecord.TaskRecord;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.StatementCounter;
import mx.org.iecm.pgd.task.SubmissionRefusedException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cycle of line 7.1 run to closure with a return, a refused self-approval, an escalation and a
 * nonconformity with its corrective action; then its expediente as auditors read it, on PostgreSQL.
 */
@PgdIntegrationTest
@OwnsCycles({"7.1:2021", "7.2:2021"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIntegrationTest {

  static final String KEY = "PGD-2020-2023:7.1:2021";
  /** Decisions and categories as stored; a person reads them in Spanish. */
  static final java.util.regex.Pattern RAW_CODES = java.util.regex.Pattern.compile(
      "\\b(approve|return|observations|nonconforming|continue|change|corrective|planeacion|coordinacion)\\b");
  static final String CANCELLED = "PGD-2020-2023:7.2:2021";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  CycleService cycles;
  @Autowired
  CaseRecordService records;
  @Autowired
  CaseSeals seals;
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
  @LocalServerPort
  int port;

  CycleDriver driver;

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource);
  }

  /** The class's cycles, run once: every test reads the same record. */
  @BeforeAll
  void runTheCycleOnce() {
    driver();
    if (identityService.createUserQuery().userId("utsi-both").count() == 0) {
      User both = identityService.newUser("utsi-both");
      both.setPassword("demo");
      identityService.saveUser(both);
      identityService.createMembership("utsi-both", "utsi-staff");
      identityService.createMembership("utsi-both", "utsi-head");
    }
    cycles.startLine(2021, "7.1");
    // The first draft is left to go overdue: its head is told, and it is handed in late.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(11, ChronoUnit.DAYS)));
    try {
      driver.runDueTimers(KEY);
      driver.complete(KEY, "utsi-staff1", "utsi-staff", workProgram(2021));
    } finally {
      ClockUtil.reset();
    }
    driver.complete(KEY, "utsi-head1", "utsi-head", returned("Falta desglosar el presupuesto por actividad."));
    driver.complete(KEY, "utsi-both", "utsi-staff", workProgram(2021));
    assertThatThrownBy(() -> driver.complete(KEY, "utsi-both", "utsi-head", approve()))
        .isInstanceOf(SubmissionRefusedException.class).hasMessageContaining("utsi-both preparó este trabajo");
    driver.complete(KEY, "utsi-head1", "utsi-head", approve());
    driver.complete(KEY, "deoeyg-head1", "deoeyg-head", approve());
    driver.complete(KEY, "dprf-staff1", "dprf-staff", approve());
    driver.complete(KEY, "sgce1", "sgce-office", approve());
    for (int percent : new int[] {30, 50, 80, 100}) {
      driver.runDueTimers(KEY);
      driver.complete(KEY, "utsi-staff2", "utsi-staff", progress(percent));
      driver.complete(KEY, "utsi-head2", "utsi-head", approve());
    }
    driver.complete(KEY, "utsi-staff1", "utsi-staff", results());
    driver.complete(KEY, "utsi-head1", "utsi-head", approve());
    driver.complete(KEY, "sgce2", "sgce-office", decision("nonconforming", "La evidencia del indicador es incompleta."));
    driver.complete(KEY, "utsi-staff1", "utsi-staff", rootCause());
    driver.complete(KEY, "utsi-head1", "utsi-head", approve());
    driver.complete(KEY, "utsi-staff1", "utsi-staff", implementation());
    driver.complete(KEY, "sgce2", "sgce-office", approve());
    driver.complete(KEY, "sgce2", "sgce-office", approve());
    driver.complete(KEY, "utsi-staff1", "utsi-staff", closingReport());
    driver.complete(KEY, "utsi-head1", "utsi-head", approve());
    driver.complete(KEY, "sgce1", "sgce-office", approve());
    cycles.startLine(2021, "7.2");
    cycles.cancel(2021, "7.2", "La línea se atiende con la 7.1 en 2021.", "manager2");
  }

  private static TaskRecord task(CaseRecord record, String key, int occurrence) {
    return record.tasks().stream().filter(task -> task.taskKey().equals(key)).skip(occurrence).findFirst()
        .orElseThrow();
  }

  @Test
  void theRecordListsEveryTaskDecisionEscalationVersionAndLesson() {
    CaseRecord record = records.record(KEY);

    assertThat(record.outcome()).isEqualTo("closed");
    assertThat(record.responsibleArea()).isEqualTo("utsi");
    assertThat(record.startedBy()).isNull();
    TaskRecord firstDraft = task(record, "Task_DraftProgram", 0);
    assertThat(firstDraft.completedBy()).isEqualTo("utsi-staff1");
    assertThat(firstDraft.formValues().path("workProgram").path("goal").asText()).startsWith("Reducir en 20 %");
    assertThat(record.person(firstDraft.completedBy())).endsWith(" (utsi-staff1)").doesNotStartWith("utsi-staff1");
    // Every report's figures, as sent and as a person reads them.
    assertThat(record.tasks()).filteredOn(t -> t.taskKey().equals("Task_ReportProgress")).allSatisfy(report -> {
      assertThat(report.formValues().path("activityProgress")).hasSize(2);
      assertThat(report.values()).extracting(WorkProgram.Line::label).contains("Avance por actividad 1",
          "Avance por actividad 2", "Valores de los indicadores 1");
    });
    assertThat(record.tasks()).filteredOn(t -> "return".equals(t.decision())).extracting(TaskRecord::decisionLabel)
        .containsOnly("Devuelto");
    assertThat(firstDraft.formValues().path("workProgram").path("activities")).hasSize(2);
    // Each submission is recorded with its task: the first head approval (created at the shifted clock,
    // so listed after the second) is the one that returned the draft, whatever the order of the times.
    List<TaskRecord> headApprovals = record.tasks().stream()
        .filter(task -> task.taskKey().equals("Task_ApproveProgramHead")).toList();
    assertThat(headApprovals).extracting(TaskRecord::decision).containsExactlyInAnyOrder("return", "approve");
    TaskRecord returnedByHead = headApprovals.stream().filter(task -> "return".equals(task.decision())).findFirst()
        .orElseThrow();
    assertThat(returnedByHead.comments()).isEqualTo("Falta desglosar el presupuesto por actividad.");
    assertThat(returnedByHead.completedBy()).isEqualTo("utsi-head1");
    assertThat(returnedByHead.completed()).isBefore(headApprovals.stream()
        .filter(task -> "approve".equals(task.decision())).findFirst().orElseThrow().completed());
    assertThat(record.tasks()).filteredOn(t -> t.taskKey().equals("Task_ReportProgress")).hasSize(4);
    assertThat(record.tasks()).allSatisfy(t -> assertThat(t.created()).isNotNull());
    assertThat(record.escalations()).singleElement().satisfies(escalation -> {
      assertThat(escalation.taskKey()).isEqualTo("Task_DraftProgram");
      assertThat(escalation.detail()).contains("se notificó a utsi-head");
    });
    assertThat(record.programVersions()).singleElement().satisfies(version -> {
      assertThat(version.version()).isEqualTo(1);
      assertThat(version.approvedBy()).isEqualTo("sgce1");
      // The approved program itself, as stored and as a person reads it.
      assertThat(version.content().path("version").asInt()).isEqualTo(1);
      assertThat(version.fields()).extracting(WorkProgram.Line::label, WorkProgram.Line::value).contains(
          org.assertj.core.groups.Tuple.tuple("Presupuesto anual (MXN)", "$250,000.00"),
          org.assertj.core.groups.Tuple.tuple("Actividad 1", "Actividad: Diagnóstico de boletas; Inicio: 15/01/2021;"
              + " Fin: 30/06/2021; Entregable: Informe de diagnóstico"));
      assertThat(version.changes()).isEmpty();
    });
    assertThat(record.lessons()).hasSize(2);
    assertThat(record.rulings()).extracting(TaskRecord::taskKey, TaskRecord::decision).contains(
        org.assertj.core.groups.Tuple.tuple("Task_RuleResults", "nonconforming"),
        org.assertj.core.groups.Tuple.tuple("Task_RuleResults", "approve"),
        org.assertj.core.groups.Tuple.tuple("Task_SignClosure", "approve"));
    assertThat(record.timeline()).first().extracting(CaseRecord.TimelineEntry::kind).isEqualTo("inicio");
    assertThat(record.timeline()).extracting(CaseRecord.TimelineEntry::at).isSorted();
  }

  @Test
  void theChecksOfAnAuditorAreComputed() {
    CaseRecord record = records.record(KEY);

    assertThat(record.checks().approvalsComplete().passed()).as("%s", record.checks().approvalsComplete()).isTrue();
    assertThat(record.checks().approvalsComplete().findings()).isEmpty();
    assertThat(record.seal().complete()).isTrue();
    assertThat(record.checks().programApprovedBeforeExecution().passed()).isTrue();
    assertThat(record.checks().correctiveActionsClosedBeforeClosure().passed()).isTrue();
    assertThat(record.checks().noSelfApproval().passed()).isTrue();
    assertThat(record.checks().tasksOnTime().passed()).isFalse();
    assertThat(record.checks().tasksOnTime().findings()).singleElement().asString()
        .startsWith("Elaborar programa de trabajo");
  }

  @Test
  void theSealIsValidAfterClosureAndBrokenByAnEditOfOneHistoryRow() {
    assertThat(seals.verify(KEY).intact()).isTrue();
    JsonNode verified = rest.withBasicAuth("auditor1", "demo")
        .getForObject("/api/audit/cases/" + KEY + "/verify", JsonNode.class);
    assertThat(verified.get("intact").asBoolean()).isTrue();
    assertThat(verified.get("sealedBy").asText()).isEqualTo("sgce1");
    assertThat(verified.get("complete").asBoolean()).isTrue();

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String taskId = task(records.record(KEY), "Task_ApproveProgramHead", 1).taskId();
    String assignee = jdbc.queryForObject("SELECT assignee_ FROM act_hi_taskinst WHERE id_ = ?", String.class, taskId);
    jdbc.update("UPDATE act_hi_taskinst SET assignee_ = 'intruso' WHERE id_ = ?", taskId);
    try {
      CaseSeals.Verification broken = seals.verify(KEY);
      assertThat(broken.intact()).isFalse();
      assertThat(broken.currentDigest()).isNotEqualTo(broken.sealedDigest());
      assertThat(broken.differences()).containsExactly(
          "tarea:" + taskId + ", asignada: «" + assignee + "» → «intruso»");
    } finally {
      jdbc.update("UPDATE act_hi_taskinst SET assignee_ = ? WHERE id_ = ?", assignee, taskId);
    }
    assertThat(seals.verify(KEY).intact()).isTrue();
  }

  @Test
  void theRecordListsEveryEvidenceFileAndTheSealNamesAFileWhoseBytesChanged() throws Exception {
    CaseRecord record = records.record(KEY);
    assertThat(record.evidence()).extracting(CaseRecord.EvidenceRecord::taskName).containsExactlyInAnyOrder(
        "Informar resultados finales · línea 7.1 · 2021", "Implementar acciones · línea 7.1 · 2021");
    CaseRecord.EvidenceRecord file = record.evidence().get(0);
    assertThat(file.sha256()).isEqualTo(mx.org.iecm.pgd.support.SampleEvidence.sha256(
        mx.org.iecm.pgd.support.SampleEvidence.PDF));
    assertThat(record.person(file.uploadedBy())).endsWith("(" + file.uploadedBy() + ")");

    BrowserSession auditor = new BrowserSession(port);
    auditor.login("auditor2", "demo");
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(auditor.get("/audit/cases/" + KEY, "text/html").body());
    assertThat(page.select("table.evidence tr[data-file]")).hasSize(2);
    assertThat(page.select("table.evidence a").eachAttr("href")).contains("/api/evidence/" + file.id());
    assertThat(page.select("table.evidence").text()).contains(file.sha256(), "PDF");
    try (var pdf = Loader.loadPDF(rest.withBasicAuth("auditor1", "demo").getForObject("/api/audit/cases/" + KEY
        + "/pdf", byte[].class))) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Anexo: evidencias",
          "SHA-256: " + file.sha256(), mx.org.iecm.pgd.support.SampleEvidence.NAME);
    }

    // One byte of one file changed in the database: the seal no longer holds, and says which file.
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    byte[] original = jdbc.queryForObject("SELECT data FROM pgd_evidence_chunk WHERE file_id = ? AND seq = 0",
        byte[].class, file.id());
    byte[] altered = original.clone();
    altered[altered.length / 2] ^= 1;
    jdbc.update("UPDATE pgd_evidence_chunk SET data = ? WHERE file_id = ? AND seq = 0", altered, file.id());
    try {
      JsonNode verified = rest.withBasicAuth("auditor1", "demo").getForObject("/api/audit/cases/" + KEY + "/verify",
          JsonNode.class);
      assertThat(verified.get("intact").asBoolean()).isFalse();
      assertThat(verified.get("differences")).hasSize(1);
      assertThat(verified.at("/differences/0").asText()).startsWith("archivo:" + file.id() + " («"
          + file.fileName() + "»): su contenido cambió; su SHA-256 era " + file.sha256());
    } finally {
      jdbc.update("UPDATE pgd_evidence_chunk SET data = ? WHERE file_id = ? AND seq = 0", original, file.id());
    }
    // Its name changed instead: the record the seal covers shows it.
    jdbc.update("UPDATE pgd_evidence_file SET file_name = 'otro.pdf' WHERE id = ?", file.id());
    try {
      assertThat(seals.verify(KEY).differences()).containsExactly("archivo:" + file.id() + ", nombre: «"
          + file.fileName() + "» → «otro.pdf»");
    } finally {
      jdbc.update("UPDATE pgd_evidence_file SET file_name = ? WHERE id = ?", file.fileName(), file.id());
    }
    assertThat(seals.verify(KEY).intact()).isTrue();
  }

  @Test
  void theRecordIsProducedInABoundedNumberOfQueries() {
    records.record(CANCELLED);
    StatementCounter.reset();
    records.record(CANCELLED);
    int small = StatementCounter.count();
    StatementCounter.reset();
    CaseRecord big = records.record(KEY);
    int large = StatementCounter.count();

    assertThat(big.tasks()).hasSizeGreaterThanOrEqualTo(25);
    // Instances, tasks, variables, journal, versions, lessons, evidence files, the seal, the directory.
    assertThat(large).isEqualTo(small).isLessThanOrEqualTo(9);
  }

  @Test
  void theListFiltersAndPagesAndExportsCsvWithTheAccents() {
    TestRestTemplate auditor = rest.withBasicAuth("auditor2", "demo");
    JsonNode closed = auditor.getForObject("/api/audit/cases?year=2021&area=utsi&outcome=closed", JsonNode.class);
    assertThat(closed.get("total").asLong()).isEqualTo(1);
    assertThat(closed.at("/items/0/businessKey").asText()).isEqualTo(KEY);
    assertThat(closed.at("/items/0/sealed").asBoolean()).isTrue();
    JsonNode cancelled = auditor.getForObject("/api/audit/cases?year=2021&outcome=cancelled&size=1&page=0",
        JsonNode.class);
    assertThat(cancelled.get("items")).hasSize(1);
    assertThat(cancelled.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(auditor.getForEntity("/api/audit/cases?outcome=perdido", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<byte[]> csv = auditor.getForEntity("/api/audit/cases.csv?year=2021&area=utsi", byte[].class);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(text).startsWith("\uFEFFclave,plan,linea,anio,area,nombre_area,resultado");
    assertThat(text).contains(KEY + ",PGD-2020-2023,7.1,2021,utsi,Unidad Técnica de Servicios Informáticos,Cerrado");
  }

  @Test
  void theExpedientesPageFiltersByLineAndOutcomeAndLinksEachCycleToItsRecordPdfAndCsv() throws Exception {
    BrowserSession auditor = new BrowserSession(port);
    auditor.login("auditor2", "demo");

    var all = auditor.get("/audit/cases?year=2021&area=utsi", "text/html");
    assertThat(all.statusCode()).isEqualTo(200);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(all.body());
    assertThat(page.select("html").attr("lang")).isEqualTo("es-MX");
    assertThat(page.select("tr[data-key]")).extracting(row -> row.attr("data-key")).contains(KEY, CANCELLED);
    assertThat(page.select("select[name=area] option")).extracting(org.jsoup.nodes.Element::text)
        .contains("Unidad Técnica de Servicios Informáticos (utsi)");
    assertThat(all.body()).doesNotContain("<script");

    var filtered = auditor.get("/audit/cases?year=2021&area=utsi&line=7.1&outcome=closed&from=1/1/2021&to=", "text/html");
    page = org.jsoup.Jsoup.parse(filtered.body());
    assertThat(page.select("tr[data-key]")).extracting(row -> row.attr("data-key")).containsExactly(KEY);
    org.jsoup.nodes.Element row = page.selectFirst("tr[data-key]");
    assertThat(row.text()).contains("7.1", "2021", "Unidad Técnica de Servicios Informáticos (utsi)", "Cerrado",
        "Sellado");
    assertThat(row.select("a").eachAttr("href")).containsExactly("/audit/cases/" + KEY,
        "/api/audit/cases/" + KEY + "/pdf");
    assertThat(page.select("select[name=line] option[selected]").attr("value")).isEqualTo("7.1");
    assertThat(page.select("select[name=outcome] option[selected]").text()).isEqualTo("Cerrado");
    assertThat(page.select("input[name=from]").attr("value")).isEqualTo("01/01/2021");
    // The CSV link repeats the filters the page was given (the empty «to» left out).
    String csvLink = page.select("a.download").attr("href");
    assertThat(csvLink).isEqualTo("/api/audit/cases.csv?year=2021&area=utsi&line=7.1&outcome=closed&from=2021-01-01");
    String csv = auditor.get(csvLink, "text/csv").body();
    assertThat(csv.lines().skip(1)).singleElement().asString().startsWith(KEY + ",");
    assertThat(auditor.get("/audit/cases/" + KEY, "text/html").statusCode()).isEqualTo(200);

    var other = auditor.get("/audit/cases?line=7.2&outcome=closed", "text/html");
    assertThat(org.jsoup.Jsoup.parse(other.body()).select("tr[data-key]")).isEmpty();
    assertThat(other.body()).contains("Ningún ciclo terminado cumple estos filtros.");

    // A filter the server refuses is said in Spanish beside the form, with no rows.
    var refused = auditor.get("/audit/cases?year=2021&from=30/02/2021", "text/html");
    assertThat(refused.statusCode()).isEqualTo(400);
    page = org.jsoup.Jsoup.parse(refused.body());
    assertThat(page.select("[role=alert]").text())
        .isEqualTo("«Terminado desde»: «30/02/2021» no es una fecha; escríbala con el día primero, dd/mm/aaaa (p. ej. 31/03/2021).");
    assertThat(page.select("input[name=from]").attr("value")).as("what the person typed stays").isEqualTo("30/02/2021");
    assertThat(page.select("tr[data-key]")).isEmpty();
    assertThat(page.select("select[name=area]")).isNotEmpty();

    // Only those who read expedientes reach the page; the API's line filter is the page's.
    BrowserSession staff = new BrowserSession(port);
    staff.login("utsi-staff1", "demo");
    assertThat(staff.get("/audit/cases", "text/html").statusCode()).isEqualTo(403);
    JsonNode byLine = rest.withBasicAuth("auditor2", "demo").getForObject("/api/audit/cases?line=7.2", JsonNode.class);
    assertThat(byLine.get("items")).extracting(item -> item.get("businessKey").asText()).containsExactly(CANCELLED);
    assertThat(rest.withBasicAuth("auditor2", "demo").getForEntity("/api/audit/cases?line=siete", JsonNode.class)
        .getBody().get("detail").asText()).startsWith("«line»: «siete» no es una línea de acción");
  }

  @Test
  void theRecordAsJsonCarriesEachVersionsProgramAndEachReportsValues() {
    JsonNode record = rest.withBasicAuth("auditor1", "demo").getForObject("/api/audit/cases/" + KEY, JsonNode.class);

    JsonNode version = record.at("/programVersions/0");
    assertThat(version.at("/content/activities/0/name").asText()).isEqualTo("Diagnóstico de boletas");
    assertThat(version.get("fields")).anySatisfy(field -> {
      assertThat(field.get("label").asText()).isEqualTo("Presupuesto anual (MXN)");
      assertThat(field.get("value").asText()).isEqualTo("$250,000.00");
    });
    List<JsonNode> reports = new java.util.ArrayList<>();
    record.get("tasks").forEach(task -> {
      if (task.get("taskKey").asText().equals("Task_ReportProgress")) {
        reports.add(task);
      }
    });
    assertThat(reports).hasSize(4).allSatisfy(report -> {
      assertThat(report.at("/formValues/activityProgress")).hasSize(2);
      assertThat(report.get("values")).extracting(value -> value.get("label").asText())
          .contains("Avance por actividad 1", "Avance por actividad 2");
    });
    record.get("tasks").forEach(task -> {
      if (task.hasNonNull("decision")) {
        assertThat(task.get("decisionLabel").asText()).as(task.get("taskKey").asText())
            .isNotEqualTo(task.get("decision").asText()).isNotBlank();
      }
    });
  }

  @Test
  void thePdfCarriesTheLineTextAndTheDecisions() throws Exception {
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("auditor1", "demo")
        .getForEntity("/api/audit/cases/" + KEY + "/pdf", byte[].class);

    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    try (var document = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Expediente del ciclo " + KEY, "Investigar permanentemente las tendencias electorales",
          "Falta desglosar el presupuesto por actividad.", "No conforme", "Devuelto", "Cumple: El programa fue aprobado",
          "Sello de integridad: SHA-256", "Valores enviados", "Avance por actividad 1: Actividad: Diagnóstico de"
              + " boletas; % de avance:", "Presupuesto anual (MXN): $250,000.00", "(utsi-staff1)",
          "Planeación: ");
      assertThat(RAW_CODES.matcher(text).find()).as("a raw code in the PDF: %s", text).isFalse();
    }
  }

  @Test
  void thePrintablePageIsServerRenderedForAuditorsOnly() throws Exception {
    BrowserSession auditor = new BrowserSession(port);
    auditor.login("auditor1", "demo");
    var page = auditor.get("/audit/cases/" + KEY, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"es-MX\"", "Expediente del ciclo " + KEY,
        "Sello válido: el expediente no ha cambiado desde el cierre.", "Dictámenes del SGCE",
        "Falta desglosar el presupuesto por actividad.", "Conforme", "Devuelto", "Valores enviados",
        "Valores de los indicadores 1").doesNotContain("<script");
    String text = org.jsoup.Jsoup.parse(page.body()).text();
    assertThat(RAW_CODES.matcher(text).find()).as("a raw code in the page: %s", text).isFalse();

    BrowserSession staff = new BrowserSession(port);
    staff.login("utsi-staff1", "demo");
    assertThat(staff.get("/audit/cases/" + KEY, "text/html").statusCode()).isEqualTo(403);
    assertThat(rest.withBasicAuth("utsi-staff1", "demo").getForEntity("/api/audit/cases/" + KEY, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("auditor1", "demo").getForEntity("/api/audit/cases/PGD-2020-2023:9.9:2021",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCancelledCycleShowsItsReasonAndHasNoSeal() {
    CaseRecord record = records.record(CANCELLED);

    assertThat(record.outcome()).isEqualTo("cancelled");
    assertThat(record.cancellation().reason()).isEqualTo("La línea se atiende con la 7.1 en 2021.");
    assertThat(record.cancellation().cancelledBy()).isEqualTo("manager2");
    assertThat(record.seal()).isNull();
    assertThat(seals.verify(CANCELLED).sealed()).isFalse();
    assertThat(List.of(record.tasks().get(0).outcome())).containsExactly("cancelada");
  }
}
