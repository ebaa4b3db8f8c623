package mx.org.iecm.pgd.status;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.decision;
import static mx.org.iecm.pgd.support.Submissions.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.status.LineStatus.IndicatorValue;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.StatementCounter;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.planning.WorkProgram;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The plan's status in 2020 with cycles in every state, line by line and in totals, on PostgreSQL.
 */
@PgdIntegrationTest
@OwnsCycles(value = {"4.1:2023", "5.1:2023", "5.2:2023", "6.1:2023", "7.1:2023", "7.2:2023", "8.1:2023",
    "8.2:2023", "8.3:2023"}, years = 2020)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusIntegrationTest {

  static final int YEAR = 2020;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  StatusService statusService;
  @Autowired
  CycleService cycles;
  @Autowired
  PlanCatalog catalog;
  @Autowired
  Clock clock;
  @Autowired
  TaskService taskService;
  @Autowired
  javax.sql.DataSource dataSource;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  PlanMetrics metrics;

  @LocalServerPort
  int port;

  CycleDriver driver;

  static String key(String line) {
    return new BusinessKey("PGD-2020-2023", line, YEAR).toString();
  }

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource);
  }

  /** The class's year, built once: every test reads the same overview. */
  @BeforeAll
  void buildTheYearOnce() {
    driver();
    for (String line : List.of("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.1", "4.2")) {
      cycles.startLine(YEAR, line);
    }
    // 1.1 planning, its draft three days overdue.
    Task draft = taskService.createTaskQuery().processInstanceBusinessKey(key("1.1")).singleResult();
    draft.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(3)).plus(Duration.ofHours(1))));
    taskService.saveTask(draft);
    // 1.2 in execution after its first report.
    driver.plan(key("1.2"), YEAR, "deoeyg", List.of("depcyc"));
    driver.runDueTimers(key("1.2"));
    driver.report(key("1.2"), "deoeyg", 30);
    // 1.3 cancelled.
    cycles.cancel(YEAR, "1.3", "Línea atendida por otro programa en 2020.", "manager1");
    // 2.1 in review with a corrective action open after a nonconforming ruling.
    driver.plan(key("2.1"), YEAR, "depcyc", List.of("osgce"));
    driver.reportTheYear(key("2.1"), "depcyc");
    driver.complete(key("2.1"), "depcyc-staff1", "depcyc-staff", results());
    driver.complete(key("2.1"), "depcyc-head1", "depcyc-head", approve());
    driver.complete(key("2.1"), "sgce1", "sgce-office", decision("nonconforming", "Sin evidencia del indicador."));
    // 2.2 closed.
    driver.plan(key("2.2"), YEAR, "depcyc", List.of("utsi"));
    driver.reportTheYear(key("2.2"), "depcyc");
    driver.review(key("2.2"), "depcyc");
    driver.close(key("2.2"), "depcyc");
    // 3.1 in closure.
    driver.plan(key("3.1"), YEAR, "depcyc", List.of("deeccc", "utsi"));
    driver.reportTheYear(key("3.1"), "depcyc");
    driver.review(key("3.1"), "depcyc");
    // Program 4 measured as the institute files it: 4.1 with two indicators, 4.2 with one, first quarter.
    driver.plan(key("4.1"), YEAR, "utvoe", List.of(), Submissions.workProgramDocument(
        Submissions.measuredProgramJson(YEAR)));
    driver.runDueTimers(key("4.1"));
    // 8 of 10 test boxes (80 %, yellow); 4.0 % null votes against 4.4, less is better (110 %, green).
    driver.complete(key("4.1"), "utvoe-staff2", "utvoe-staff",
        Submissions.measuredProgress(1, 50, 0, 8, 4.0, 90000, 0));
    driver.complete(key("4.1"), "utvoe-head2", "utvoe-head", approve());
    ObjectNode oneIndicator = WorkProgram.read(Submissions.measuredProgramJson(YEAR));
    ((ArrayNode) oneIndicator.path("indicators")).remove(1);
    driver.plan(key("4.2"), YEAR, "utvoe", List.of("depcyc"), Submissions.workProgramDocument(oneIndicator.toString()));
    driver.runDueTimers(key("4.2"));
    Map<String, Object> report = Submissions.measuredProgress(1, 50, 0, 12, 0, 90000, 0);
    report.put("indicatorValues", Submissions.json(
        "[{\"indicator\":\"Casillas con boleta de prueba\",\"target\":10,\"value\":12}]"));
    driver.complete(key("4.2"), "utvoe-staff2", "utvoe-staff", report);
    driver.complete(key("4.2"), "utvoe-head2", "utvoe-head", approve());
  }

  private static LineStatus line(StatusReport report, String id) {
    return report.lines().stream().filter(line -> line.actionLineId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyLineShowsItsStateTasksProgressAndCorrectiveActions() {
    StatusReport report = statusService.status(YEAR);

    assertThat(report.lines()).hasSize(39);
    LineStatus planning = line(report, "1.1");
    assertThat(planning.state()).isEqualTo("planning");
    assertThat(planning.stateLabel()).isEqualTo("Planeación");
    assertThat(planning.openTasks()).singleElement().satisfies(task -> {
      assertThat(task.name()).isEqualTo("Elaborar programa de trabajo · línea 1.1 · 2020");
      assertThat(task.groups()).containsExactly("deoeyg-staff");
      assertThat(task.overdueDays()).isEqualTo(3);
    });
    assertThat(planning.overdue()).isTrue();
    assertThat(planning.overdueDays()).isEqualTo(3);

    LineStatus execution = line(report, "1.2");
    assertThat(execution.state()).isEqualTo("execution");
    assertThat(execution.progressPercent()).isEqualTo(30.0);
    // A quarterly indicator without targets per quarter is judged against its annual target in December only.
    assertThat(execution.indicators()).containsExactly(
        new IndicatorValue("Votos nulos por error de llenado", 3.6, 4.1, null, null));
    assertThat(execution.achievement()).isNull();
    assertThat(execution.openTasks()).isEmpty();
    assertThat(execution.overdue()).isFalse();

    assertThat(line(report, "1.3").state()).isEqualTo("cancelled");

    LineStatus review = line(report, "2.1");
    assertThat(review.state()).isEqualTo("review");
    assertThat(review.openCorrectiveActions()).isEqualTo(1);
    assertThat(review.openTasks()).singleElement().satisfies(task -> {
      assertThat(task.name()).isEqualTo("Analizar causa raíz y plan de acción · línea 2.1 · 2020");
      assertThat(task.groups()).containsExactly("depcyc-staff");
    });

    LineStatus closed = line(report, "2.2");
    assertThat(closed.state()).isEqualTo("closed");
    assertThat(closed.progressPercent()).isEqualTo(100.0);
    assertThat(closed.openTasks()).isEmpty();

    LineStatus closure = line(report, "3.1");
    assertThat(closure.state()).isEqualTo("closure");
    assertThat(closure.openTasks()).extracting(LineStatus.OpenTask::groups).containsExactly(List.of("depcyc-staff"));

    LineStatus notStarted = line(report, "4.3");
    assertThat(notStarted.state()).isEqualTo("not-started");
    assertThat(notStarted.businessKey()).isNull();
  }

  @Test
  void totalsArePerPlanPolicyProgramAndObjective() {
    StatusReport report = statusService.status(YEAR);

    assertThat(report.totals().byState()).containsEntry("not-started", 31).containsEntry("planning", 1)
        .containsEntry("execution", 3).containsEntry("review", 1).containsEntry("closure", 1)
        .containsEntry("closed", 1).containsEntry("cancelled", 1);
    assertThat(report.totals().overdueLines()).isEqualTo(1);
    assertThat(report.totals().openCorrectiveActions()).isEqualTo(1);

    StatusReport.GroupTotals policy1 = report.policies().get(0);
    assertThat(policy1.number()).isEqualTo("1");
    assertThat(policy1.totals().lines()).isEqualTo(5);
    assertThat(policy1.totals().byState()).containsEntry("closed", 1).containsEntry("review", 1);
    StatusReport.GroupTotals program2 = report.programs().get(1);
    assertThat(program2.totals().lines()).isEqualTo(2);
    assertThat(program2.totals().averageProgress()).isEqualTo(100.0);
    StatusReport.GroupTotals objective1 = report.objectives().get(0);
    assertThat(objective1.totals().lines()).isEqualTo(3);
    assertThat(objective1.totals().overdueLines()).isEqualTo(1);
    assertThat(objective1.totals().averageProgress()).isEqualTo(30.0);
  }

  @Test
  void achievementRollsUpFromIndicatorsToLineProgramObjectiveAndPolicyWeightedByIndicators() {
    StatusReport report = statusService.status(YEAR);

    LineStatus twoIndicators = line(report, "4.1");
    assertThat(twoIndicators.indicators()).containsExactly(
        new IndicatorValue("Casillas con boleta de prueba", 10.0, 8.0, 80.0, "amarillo"),
        new IndicatorValue("Votos nulos por error de llenado", 4.4, 4.0, 110.0, "verde"));
    // Each indicator counts at most 100 %: (80 + 100) / 2.
    assertThat(twoIndicators.achievement()).isEqualTo(90.0);
    assertThat(twoIndicators.colour()).isEqualTo("verde");
    LineStatus oneIndicator = line(report, "4.2");
    assertThat(oneIndicator.achievement()).isEqualTo(100.0);

    // By hand: the program's three indicators, (80 + 100 + 100) / 3 = 93.3 (the mean of the lines would be 95).
    double byHand = Math.round((80.0 + 100.0 + 100.0) / 3 * 10) / 10.0;
    StatusReport.GroupTotals program4 = report.programs().get(3);
    assertThat(program4.number()).isEqualTo("4");
    assertThat(program4.totals().achievement()).isEqualTo(byHand).isEqualTo(93.3);
    assertThat(program4.totals().colour()).isEqualTo("verde");
    assertThat(program4.totals().indicatorsByColour()).containsEntry("verde", 2).containsEntry("amarillo", 1)
        .containsEntry("rojo", 0);
    StatusReport.GroupTotals objective5 = report.objectives().get(4);
    assertThat(objective5.number()).isEqualTo("5");
    assertThat(objective5.totals().achievement()).isEqualTo(byHand);
    // Policy 3 holds programs 4, 5 and 6; only program 4's lines are measured.
    StatusReport.GroupTotals policy3 = report.policies().get(2);
    assertThat(policy3.totals().achievement()).isEqualTo(byHand);
    // A program none of whose indicators has a target yet has no achievement.
    assertThat(report.programs().get(0).totals().achievement()).isNull();
  }

  @Test
  void theQuarterlyReportDownloadsAsAPdfWithOneChartPerProgramAndAsASpreadsheet() throws Exception {
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("manager1", "demo")
        .getForEntity("/api/status/quarterly-report.pdf?year=" + YEAR, byte[].class);

    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(pdf.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("informe-trimestral-PGD-2020-2023-" + YEAR + "-T4.pdf");
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
    assertThat(text).contains("Informe trimestral de avance del PGD", "PGD-2020-2023 · año 2020 · cuarto trimestre",
        "Programa 4. De vinculación institucional", "Cumplimiento del programa: 93.3 % (verde)",
        "indicadores en verde, amarillo y rojo: 2 / 1 / 0");
    for (int program = 1; program <= 12; program++) {
      assertThat(text).contains("Gráfica del programa " + program + ": cumplimiento por línea de acción");
    }
    assertThat(text.split("Gráfica del programa ", -1)).hasSize(13);
    // The bars of program 4: each line's achievement, or none yet.
    assertThat(text).contains("4.1", "90 %", "4.2", "100 %", "4.3", "sin medición");

    ResponseEntity<byte[]> xlsx = rest.withBasicAuth("auditor1", "demo")
        .getForEntity("/api/status/quarterly-report.xlsx?year=" + YEAR, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        new java.io.ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(workbook.getSheetName(0)).isEqualTo("Líneas");
      org.apache.poi.ss.usermodel.Sheet programs = workbook.getSheet("Programas");
      org.apache.poi.ss.usermodel.Row program4 = programs.getRow(2 + 3);
      assertThat(program4.getCell(0).getStringCellValue()).isEqualTo("4");
      assertThat(program4.getCell(4).getNumericCellValue()).isEqualTo(93.3);
      assertThat(program4.getCell(5).getStringCellValue()).isEqualTo("verde");
      org.apache.poi.ss.usermodel.Sheet indicators = workbook.getSheet("Indicadores");
      List<String> rows = new java.util.ArrayList<>();
      for (int i = 2; i <= indicators.getLastRowNum(); i++) {
        org.apache.poi.ss.usermodel.Row row = indicators.getRow(i);
        rows.add(row.getCell(0).getStringCellValue() + " " + row.getCell(1).getStringCellValue() + " "
            + row.getCell(5).getStringCellValue());
      }
      assertThat(rows).contains("4.1 Casillas con boleta de prueba amarillo",
          "4.1 Votos nulos por error de llenado verde", "4.2 Casillas con boleta de prueba verde");
    }
    assertThat(rest.withBasicAuth("utvoe-staff1", "demo")
        .getForEntity("/api/status/quarterly-report.pdf?year=" + YEAR, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theApiAnswersThoseWhoFollowOrAuditThePlanAndRefusesBadYears() {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("manager1", "demo")
        .getForEntity("/api/status?year=" + YEAR, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().get("lines")).hasSize(39);
    assertThat(answer.getBody().at("/lines/0/openTasks/0/groups/0").asText()).isEqualTo("deoeyg-staff");
    assertThat(answer.getBody().at("/lines/0/openTasks/0/groupNames/0").asText())
        .isEqualTo("Enlaces — Dirección Ejecutiva de Organización Electoral y Geoestadística");

    // Auditors and the SGCE office read the same overview (their dashboard is read only); staff do not.
    for (String reader : List.of("auditor1", "sgce1")) {
      assertThat(rest.withBasicAuth(reader, "demo").getForEntity("/api/status?year=" + YEAR, JsonNode.class)
          .getBody().get("lines")).as(reader).hasSize(39);
    }
    assertThat(rest.withBasicAuth("deoeyg-staff1", "demo").getForEntity("/api/status?year=2020", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> outside = rest.withBasicAuth("manager1", "demo")
        .getForEntity("/api/status?year=1999", JsonNode.class);
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outside.getBody().get("detail").asText()).startsWith("El año 1999 está fuera del periodo");
    ResponseEntity<JsonNode> malformed = rest.withBasicAuth("manager1", "demo")
        .getForEntity("/api/status?year=dos-mil", JsonNode.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("detail").asText()).contains("«year»");
    ResponseEntity<JsonNode> empty = rest.withBasicAuth("manager1", "demo")
        .getForEntity("/api/status?year=", JsonNode.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("detail").asText()).contains("«year»");
  }

  @Test
  void withoutAYearTheDashboardGetsTheYearToFollowInOneRequest() {
    int expected = catalog.yearToFollow(Year.now(clock));
    JsonNode answer = rest.withBasicAuth("auditor1", "demo").getForEntity("/api/status", JsonNode.class).getBody();
    JsonNode asked = rest.withBasicAuth("auditor1", "demo")
        .getForEntity("/api/status?year=" + expected, JsonNode.class).getBody();

    assertThat(answer.get("year").asInt()).isEqualTo(expected);
    assertThat(answer.get("lines")).hasSize(39);
    assertThat(answer.get("lines").findValuesAsText("businessKey"))
        .isEqualTo(asked.get("lines").findValuesAsText("businessKey"));
    assertThat(rest.withBasicAuth("deoeyg-staff1", "demo").getForEntity("/api/status", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void statementsOfOneStatusCallDoNotGrowWithTheNumberOfLines() {
    cycles.startLine(2023, "4.1");
    statusService.status(2023);
    StatementCounter.reset();
    statusService.status(2023);
    int before = StatementCounter.count();

    for (String line : List.of("5.1", "5.2", "6.1", "7.1", "7.2", "8.1", "8.2", "8.3")) {
      cycles.startLine(2023, line);
    }
    StatementCounter.reset();
    StatusReport report = statusService.status(2023);
    int after = StatementCounter.count();

    assertThat(report.lines()).filteredOn(line -> line.state().equals("planning")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(after).isEqualTo(before).isLessThanOrEqualTo(5);
  }

  @Test
  void prometheusGaugesCountOpenAndOverdueTasksPerAreaAndCyclesPerPhase() {
    metrics.refresh();
    String scrape = rest.withBasicAuth("manager1", "demo").getForObject("/actuator/prometheus", String.class);

    long depcycOpen = taskService.createTaskQuery().list().stream()
        .filter(task -> "depcyc".equals(areaOf(task))).count();
    long deoeygOverdue = taskService.createTaskQuery().list().stream()
        .filter(task -> "deoeyg".equals(areaOf(task)))
        .filter(task -> task.getDueDate() != null && task.getDueDate().before(new Date())).count();
    assertThat(depcycOpen).isGreaterThanOrEqualTo(2);
    assertThat(deoeygOverdue).isGreaterThanOrEqualTo(1);
    assertThat(scrape).contains("pgd_tasks_open{area=\"depcyc\"} " + depcycOpen + ".0")
        .contains("pgd_tasks_overdue{area=\"deoeyg\"} " + deoeygOverdue + ".0")
        .containsPattern("pgd_cycles_running\\{phase=\"review\"} [1-9]");

    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("deoeyg-staff1", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void healthAnswersAnyoneButShowsDetailsToManagersOnly() {
    ResponseEntity<JsonNode> anonymous = rest.getForEntity("/actuator/health", JsonNode.class);
    assertThat(anonymous.getBody().has("status")).isTrue();
    assertThat(anonymous.getBody().has("components")).isFalse();

    JsonNode detailed = rest.withBasicAuth("manager1", "demo").getForObject("/actuator/health", JsonNode.class);
    assertThat(detailed.get("components").has("db")).isTrue();
    assertThat(detailed.get("components").has("processEngine")).isTrue();
  }

  @Test
  void theCockpitPluginAndItsRegistrationAreServed() throws Exception {
    BrowserSession manager = new BrowserSession(port);
    manager.login("manager2", "demo");
    String config = manager.get("/camunda/app/cockpit/scripts/config.js", "*/*").body();
    String plugin = manager.get("/camunda/app/cockpit/pgd-plan/plugin.js", "*/*").body();

    assertThat(config).containsPattern("customScripts: \\[[^\\]]*'pgd-plan/plugin'");
    assertThat(plugin).contains("pluginPoint: 'cockpit.dashboard'", "'/api/status'", "/api/status?year=", "Plan General de Desarrollo",
        "#/process-instance/");
  }

  private String areaOf(Task task) {
    var instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      return null;
    }
    BusinessKey key = BusinessKey.parse(instance.getBusinessKey());
    return catalog.plan(key.planCode()).flatMap(plan -> plan.actionLine(key.actionLineId()))
        .map(line -> line.responsibleArea()).orElse(null);
  }
}
