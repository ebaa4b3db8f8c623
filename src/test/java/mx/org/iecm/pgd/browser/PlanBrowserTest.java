package mx.org.iecm.pgd.browser;

import com.fasterxml.jackson.databind.JsonNode;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.support.Browser;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.support.Tasklist;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people of the institute in a real headless Chromium, each in a browser of their own: staff and
 * heads in Tasklist, the SGCE office approving, a manager in Cockpit, an auditor on the expediente page,
 * and people who must not see what is not theirs. Screenshots of the key steps go to target/screenshots.
 */
@PgdIntegrationTest
@OwnsCycles({"9.1:2021", "10.1:2021", "11.1:2021", "11.1:2022", "10.1:2023", "10.2:2023", "11.2:2023", "3.1:2023"})
class PlanBrowserTest {

  static final String MY_AREA = "Tareas de mi área";

  @LocalServerPort
  int port;
  @Autowired
  CycleService cycles;
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
  ProgramVersions programVersions;

  CycleDriver driver;

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource);
  }

  private Task openTask(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  /** Waits until the engine no longer has the task, i.e. the browser's completion went through. */
  private void awaitCompleted(Browser browser, Task task) {
    browser.waitUntil(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  @Test
  void staffFindsThePlanningTaskInHisAreaAndTheFormSaysWhatIsMissingBeforeItCanBeCompleted() {
    cycles.startLine(2021, "9.1");
    String key = "PGD-2020-2023:9.1:2021";
    Task draft = openTask(key);

    try (Browser staff = Browser.open(port)) {
      staff.login("osgce-staff1", "demo");
      Tasklist tasklist = Tasklist.open(staff).filter(MY_AREA);
      assertThat(tasklist.taskNames()).contains("Elaborar programa de trabajo · línea 9.1 · 2021");
      assertInstituteSpanishHeader(staff, "IECM Tareas");
      staff.screenshot("s1-0-staff-task-list");
      tasklist.openTask("Elaborar programa de trabajo · línea 9.1 · 2021");
      assertThat(tasklist.formText())
          .contains("Línea 9.1 · 2021", "Oficina del Sistema de Gestión de Calidad Electoral");
      staff.screenshot("s1-1-staff-opens-the-planning-task");
      assertThat(tasklist.claimLabel()).isEqualTo("Reclamar");
      tasklist.claim().type("Objetivo específico", "Que todas las áreas conozcan el SGCE.");
      assertThat(tasklist.completeLabel()).isEqualTo("Completar");
      assertThat(tasklist.canComplete()).as("activities, indicators and budget are missing").isFalse();

      WebElement goal = tasklist.field("Objetivo específico");
      tasklist.erase(goal).tab();
      assertThat(tasklist.fieldError(goal)).isEqualTo("Este campo es obligatorio.");
      WebElement name = tasklist.fieldById("activities-1-name");
      tasklist.typeInto(name, "x".repeat(301)).tab();
      assertThat(tasklist.fieldError(name)).isEqualTo("Escriba como máximo 300 caracteres.");
      staff.screenshot("s1-2-form-says-what-is-missing");
      assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult().getAssignee())
          .isEqualTo("osgce-staff1");
    }
  }

  @Test
  void headReturnsTheDraftWithACommentStaffResubmitsThenHeadAndSgceApprove() {
    cycles.startLine(2021, "10.1");
    String key = "PGD-2020-2023:10.1:2021";
    driver.complete(key, "sa-staff1", "sa-staff", workProgram(2021));
    String approval = "Aprobar programa de trabajo (titular) · línea 10.1 · 2021";

    try (Browser head = Browser.open(port); Browser staff = Browser.open(port); Browser sgce = Browser.open(port)) {
      head.login("sa-head1", "demo");
      Tasklist headTasks = Tasklist.open(head).filter(MY_AREA).openTask(approval);
      assertThat(headTasks.formText()).contains("Diagnóstico de boletas", "Informe de diagnóstico",
          "Votos nulos por error de llenado");
      assertThat(head.driver().findElements(By.xpath("//label[starts-with(normalize-space(),'Objetivo específico')]")))
          .as("the draft is shown, not editable").isEmpty();
      head.screenshot("s2-1-head-sees-the-draft-read-only");
      Task headTask = openTask(key);
      headTasks.claim().choose("Devolver con comentarios").type("Comentarios", "Agregue el costo de cada actividad.");
      head.screenshot("s2-2-head-returns-the-draft");
      headTasks.complete();
      awaitCompleted(head, headTask);

      // The draft goes back to the person who prepared it: in «Mis tareas», marked as returned.
      staff.login("sa-staff1", "demo");
      assertThat(Tasklist.open(staff).filter("Devueltas").taskNames())
          .containsExactly("Elaborar programa de trabajo · línea 10.1 · 2021 · Devuelto");
      Tasklist staffTasks = Tasklist.open(staff).filter("Mis tareas")
          .openTask("Elaborar programa de trabajo · línea 10.1 · 2021 · Devuelto").editable();
      assertThat(staffTasks.formText()).contains("Devuelto por sa-head1", "Agregue el costo de cada actividad.");
      staff.screenshot("s2-3-staff-sees-the-comment");
      Task redraft = openTask(key);
      assertThat(redraft.getAssignee()).isEqualTo("sa-staff1");
      assertThat(taskService.getIdentityLinksForTask(redraft.getId())).extracting(link -> link.getGroupId())
          .contains("sa-staff");
      staffTasks.type("Riesgos", "Costo por actividad: diagnóstico 100 000; rediseño 150 000.");
      staffTasks.complete();
      awaitCompleted(staff, redraft);

      Task secondApproval = openTask(key);
      headTasks = Tasklist.open(head).filter(MY_AREA).openTask(approval).claim().choose("Aprobar");
      head.screenshot("s2-4-head-approves");
      headTasks.complete();
      awaitCompleted(head, secondApproval);

      // The planning office validates that the program can be measured before the SGCE reviews it.
      sgce.login("dprf-staff1", "demo");
      Task validation = openTask(key);
      Tasklist planningTasks = Tasklist.open(sgce).filter(MY_AREA)
          .openTask("Validar indicadores y presupuesto · línea 10.1 · 2021");
      planningTasks.claim().choose("Validar");
      planningTasks.complete();
      awaitCompleted(sgce, validation);

      sgce.login("sgce2", "demo");
      Task review = openTask(key);
      Tasklist sgceTasks = Tasklist.open(sgce).filter("Revisiones SGCE")
          .openTask("Revisar programa de trabajo (SGCE) · línea 10.1 · 2021");
      sgceTasks.claim().choose("Aprobar");
      sgce.screenshot("s2-5-sgce-approves");
      sgceTasks.complete();
      awaitCompleted(sgce, review);
    }
    assertThat(programVersions.of(key)).singleElement().satisfies(version -> {
      assertThat(version.approvedBy()).isEqualTo("sgce2");
      assertThat(version.content()).contains("Costo por actividad");
    });
  }

  @Test
  void staffAttachesAPdfInTheEvidenceTabThenCompletesTheResultsAndAnAuditorGetsTheSameBytes() throws Exception {
    String key = "PGD-2020-2023:3.1:2023";
    cycles.startLine(2023, "3.1");
    driver.plan(key, 2023, "depcyc", List.of("deeccc", "utsi"));
    driver.reportTheYear(key, "depcyc");
    Task results = openTask(key);
    byte[] pdf = mx.org.iecm.pgd.support.SampleEvidence.pdf("Informe de resultados 2023 de la línea 3.1");
    java.nio.file.Path file = java.nio.file.Files.createTempDirectory("evidencias").resolve("Informe de resultados 3.1.pdf");
    java.nio.file.Files.write(file, pdf);

    try (Browser staff = Browser.open(port)) {
      staff.login("depcyc-staff1", "demo");
      Tasklist tasklist = Tasklist.open(staff).filter(MY_AREA)
          .openTask("Informar resultados finales · línea 3.1 · 2023").claim();
      assertThat(tasklist.formText()).contains("adjunte al menos un archivo de evidencia");
      staff.click(staff.waitFor(By.linkText("Evidencias")));
      staff.waitForText(By.cssSelector(".pgd-evidence-help"), "hasta 25.0 MB cada uno");
      staff.driver().findElement(By.cssSelector(".pgd-evidence-picker")).sendKeys(file.toString());
      WebElement row = staff.waitFor(By.cssSelector(".pgd-evidence-table tr[data-file]"));
      assertThat(row.getText()).contains("Informe de resultados 3.1.pdf", "PDF", "depcyc-staff1");
      staff.screenshot("s8-1-staff-evidence-tab");

      staff.click(staff.waitFor(By.linkText("Formulario")));
      tasklist = tasklist.editable();
      tasklist.click(tasklist.fieldById("indicatorResults-1-value")).typeHere("3.4").tab()
          .typeHere("La tasa de votos nulos bajó a 3.4 %, bajo la meta de 3.6 %.");
      staff.screenshot("s8-2-staff-results-form");
      tasklist.complete();
      awaitCompleted(staff, results);
    }
    // The auditor finds it in the expediente and downloads byte for byte what the person attached.
    try (Browser auditor = Browser.open(port)) {
      auditor.login("auditor2", "demo");
      auditor.go("/audit/cases/" + key);
      WebElement evidence = auditor.waitFor(By.cssSelector("table.evidence tr[data-file]"));
      assertThat(evidence.getText()).contains("Informar resultados finales · línea 3.1 · 2023",
          "Informe de resultados 3.1.pdf", "PDF", mx.org.iecm.pgd.support.SampleEvidence.sha256(pdf), "(depcyc-staff1)");
      auditor.scrollTo(evidence);
      auditor.screenshot("s8-3-auditor-expediente-evidence");
      String link = evidence.findElement(By.linkText("Informe de resultados 3.1.pdf")).getAttribute("href");
      assertThat(download(auditor, link).body()).isEqualTo(pdf);
    }
    var listed = new org.springframework.boot.test.web.client.TestRestTemplate()
        .withBasicAuth("auditor1", "demo").getForObject("http://localhost:" + port + "/api/tasks/{id}/evidence",
            com.fasterxml.jackson.databind.JsonNode.class, results.getId());
    assertThat(listed.get("files")).hasSize(1);
    assertThat(listed.at("/files/0/fileName").asText()).isEqualTo("Informe de resultados 3.1.pdf");
    assertThat(listed.at("/files/0/sha256").asText()).isEqualTo(mx.org.iecm.pgd.support.SampleEvidence.sha256(pdf));
    byte[] downloaded = new org.springframework.boot.test.web.client.TestRestTemplate()
        .withBasicAuth("auditor1", "demo").getForObject("http://localhost:" + port + listed.at("/files/0/download")
            .asText(), byte[].class);
    assertThat(downloaded).isEqualTo(pdf);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()).isNotEmpty();
  }

  @Test
  void managerUsesTheDashboardFirstOnCockpitFiltersByAreaOpensAClosedRecordAndARunningInstance() {
    cycles.startLine(2023, "10.2");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PGD-2020-2023:10.2:2023")
        .processDefinitionKey("action-line-lifecycle").singleResult().getId();
    String closed = "PGD-2020-2023:11.2:2023";
    cycles.startLine(2023, "11.2");
    driver.plan(closed, 2023, "osgce", List.of("utcsyd"));
    driver.reportTheYear(closed, "osgce");
    driver.review(closed, "osgce");
    driver.close(closed, "osgce");
    // 10.1 measured as the institute files it: in its first quarter, 5 of 10 test boxes (red) and null votes
    // below their target (green): (50 + 100) / 2 = 75 %, yellow; program 10 has no other measurement.
    String measured = "PGD-2020-2023:10.1:2023";
    cycles.startLine(2023, "10.1");
    driver.plan(measured, 2023, "sa", List.of(), Submissions.workProgramDocument(Submissions.measuredProgramJson(2023)));
    driver.runDueTimers(measured);
    driver.complete(measured, "sa-staff2", "sa-staff", Submissions.measuredProgress(1, 50, 0, 5, 4.3, 90000, 0));
    driver.complete(measured, "sa-head2", "sa-head", Submissions.approve());

    try (Browser manager = Browser.open(port)) {
      manager.login("manager1", "demo");
      // Tasklist: every area's open tasks, read only; managers start cycles, so «Iniciar proceso» stays.
      assertThat(Tasklist.open(manager).filter("Todas las tareas").taskNames())
          .contains("Elaborar programa de trabajo · línea 10.2 · 2023");
      assertThat(manager.waitFor(By.cssSelector(".start-process-action")).isDisplayed()).isTrue();
      manager.screenshot("s3-0-manager-all-tasks");

      manager.go("/camunda/app/cockpit/default/#/dashboard");
      WebElement row = manager.waitFor(By.cssSelector(".pgd-plan tr[data-line='10.2']"));
      assertInstituteSpanishHeader(manager, "IECM Seguimiento");
      assertThat(manager.driver().findElement(By.tagName("body")).getText())
          .contains("Instancias de proceso en ejecución", "Procesos", "Decisiones");
      // The plan first on the start page, above the engine's own figures.
      assertThat(manager.driver().findElement(By.cssSelector(".pgd-plan")).getLocation().getY())
          .isLessThan(manager.driver().findElement(By.cssSelector(".dashboard section.actual")).getLocation().getY());
      assertThat(manager.driver().findElements(By.cssSelector(".pgd-plan tr[data-line]"))).hasSize(39);
      // Opened without a year, on the one the server chose (no plan covers this year: the last of 2020–2023).
      assertThat(manager.driver().findElement(By.cssSelector(".pgd-plan input[aria-label='Año']")).getAttribute("value"))
          .isEqualTo("2023");
      // One request for the whole plan table, asked for while Cockpit started (no list of plans first).
      assertThat((List<Object>) ((org.openqa.selenium.JavascriptExecutor) manager.driver()).executeScript(
          "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
              + ".filter(path => path.startsWith('/api/'))"))
          .containsExactly((Object) "/api/status");
      assertThat(manager.driver().findElements(By.cssSelector(".pgd-chart:not(.pgd-achievement-chart) .pgd-chart-label")))
          .extracting(WebElement::getText).contains("Programa 10. Del desarrollo de capital humano").hasSize(12);
      // Achievement in traffic-light colours, per program and per line, as the status API computes it.
      JsonNode status = new org.springframework.boot.test.web.client.TestRestTemplate().withBasicAuth("manager1", "demo")
          .getForObject("http://localhost:" + port + "/api/status?year=2023", JsonNode.class);
      assertThat(status.at("/programs/9/totals/achievement").asDouble()).isEqualTo(75.0);
      assertThat(status.at("/programs/9/totals/colour").asText()).isEqualTo("amarillo");
      assertThat(status.at("/programs/10/totals/colour").asText()).isEqualTo("verde");
      WebElement program10 = manager.driver().findElement(
          By.cssSelector(".pgd-achievement-chart [data-program='10'] .pgd-achievement"));
      assertThat(program10.getText()).isEqualTo("75 %");
      assertThat(program10.getAttribute("class")).contains("pgd-colour-amarillo");
      assertThat(program10.getCssValue("background-color")).isIn("rgba(249, 168, 37, 1)", "rgb(249, 168, 37)");
      assertThat(manager.driver().findElement(By.cssSelector(".pgd-achievement-chart [data-program='11'] .pgd-achievement"))
          .getAttribute("class")).contains("pgd-colour-verde");
      WebElement measuredRow = manager.driver().findElement(By.cssSelector(".pgd-plan tr[data-line='10.1']"));
      assertThat(measuredRow.findElement(By.cssSelector(".pgd-line-achievement")).getText())
          .contains("75 %", "Casillas con boleta de prueba: 5 de 10");
      assertThat(manager.driver().findElement(By.cssSelector(".pgd-rollup tr[data-group='7'] .pgd-achievement"))
          .getAttribute("class")).as("objective 7 holds lines 10.1 and 11.2").contains("pgd-colour-");
      assertThat(manager.driver().findElements(By.linkText("Informe trimestral (PDF)"))).hasSize(1);
      manager.scrollTo(program10);
      manager.screenshot("s3-0b-manager-dashboard-colours");
      assertThat(row.getText()).contains("Planeación", "Elaborar programa de trabajo",
          "Unidad Técnica del Centro de Formación y Desarrollo (utcfd)",
          "Enlaces — Unidad Técnica del Centro de Formación y Desarrollo");

      // The area filter, chosen from the keyboard: only that area's lines remain.
      WebElement area = manager.driver().findElement(By.cssSelector(".pgd-plan select[aria-label='Área responsable']"));
      assertThat(new org.openqa.selenium.support.ui.Select(area).getOptions()).extracting(WebElement::getText)
          .contains("Todas las áreas", "Oficina del Sistema de Gestión de Calidad Electoral (osgce)")
          .noneMatch(text -> text.contains("[object"));
      manager.click(area);
      manager.press(org.openqa.selenium.Keys.ESCAPE);
      manager.typeLikeAPerson("Oficina");
      manager.waitUntil(d -> d.findElements(By.cssSelector(".pgd-plan tr[data-line='10.2']")).isEmpty());
      List<WebElement> osgce = manager.driver().findElements(By.cssSelector(".pgd-plan tr[data-line]"));
      assertThat(osgce).extracting(line -> line.getAttribute("data-line")).contains("9.1", "11.1", "11.2")
          .allMatch(line -> catalogArea(line).equals("osgce"));
      WebElement closedRow = manager.driver().findElement(By.cssSelector(".pgd-plan tr[data-line='11.2']"));
      assertThat(closedRow.getText()).contains("Cerrado");
      assertThat(closedRow.findElements(By.linkText("Abrir instancia"))).isEmpty();
      manager.scrollTo(closedRow);
      manager.screenshot("s3-1-manager-dashboard-by-area");
      manager.click(closedRow.findElement(By.linkText("Expediente")));
      manager.waitForText(By.tagName("h1"), "Expediente del ciclo " + closed);
      assertThat(manager.driver().getPageSource()).contains("Sello válido", "Firmar cierre (SGCE)");
      manager.screenshot("s3-2-manager-closed-record");

      manager.driver().navigate().back();
      // The list of areas fills in once the dashboard has read the plan: wait for the option, not the list.
      manager.waitFor(By.cssSelector(".pgd-plan select[aria-label='Área responsable'] option[value='utcfd']"));
      area = manager.waitFor(By.cssSelector(".pgd-plan select[aria-label='Área responsable']"));
      new org.openqa.selenium.support.ui.Select(area).selectByValue("utcfd");
      row = manager.waitFor(By.cssSelector(".pgd-plan tr[data-line='10.2']"));
      assertThat(manager.driver().findElements(By.cssSelector(".pgd-plan tr[data-line]")))
          .allMatch(line -> catalogArea(line.getAttribute("data-line")).equals("utcfd"));
      assertThat(row.findElements(By.linkText("Expediente"))).hasSize(1);
      manager.click(row.findElement(By.linkText("Abrir instancia")));
      manager.waitUntil(d -> d.getCurrentUrl().contains("/process-instance/" + instance));
      manager.waitForText(By.cssSelector("body"), "PGD-2020-2023:10.2:2023");
      // Managers may change nothing in the engine: no suspend, cancel or variable controls to be refused.
      manager.waitUntil(d -> (Boolean) manager.script(
          "return document.documentElement.classList.contains('pgd-read-only')"));
      assertThat(manager.driver().findElements(By.cssSelector(".ctn-toolbar button, .ctn-toolbar a, td.actions button")))
          .noneMatch(WebElement::isDisplayed);
      manager.screenshot("s3-3-manager-process-instance");
    }
  }

  private static String catalogArea(String line) {
    return mx.org.iecm.pgd.support.ProcessBeans.CATALOG.actionLine("PGD-2020-2023", line).orElseThrow()
        .responsibleArea();
  }

  @Test
  void administratorWorksInAdminInSpanishAndABrowserSetToEnglishGetsEnglish() {
    try (Browser admin = Browser.open(port); Browser english = Browser.open(port, "en-US,en")) {
      admin.login("admin", "demo");
      // Administrators keep Tasklist's «Crear tarea» (and «Iniciar proceso»): they may use them.
      Tasklist.open(admin);
      assertThat(admin.waitFor(By.cssSelector(".create-task-action")).isDisplayed()).isTrue();
      assertThat(admin.waitFor(By.cssSelector(".start-process-action")).isDisplayed()).isTrue();
      admin.go("/camunda/app/admin/default/#/users");
      admin.waitForText(By.cssSelector("body"), "Usuarios");
      admin.waitForText(By.cssSelector("body"), "sgce1");
      assertInstituteSpanishHeader(admin, "IECM Administración");
      assertThat(admin.driver().findElement(By.tagName("body")).getText()).contains("Grupos", "Autorizaciones");
      admin.screenshot("s6-1-admin-users");

      english.login("admin2", "demo");
      english.go("/camunda/app/admin/default/#/users");
      english.waitForText(By.cssSelector("body"), "Authorizations");
      assertInstituteSpanishHeader(english, "IECM Administración");
      english.screenshot("s6-2-admin-in-english");
    }
  }

  @Test
  void personWhoseSessionEndsGoesToTheLoginPageAndBackToTasklist() {
    try (Browser staff = Browser.open(port)) {
      staff.login("utsi-staff2", "demo");
      Tasklist tasklist = Tasklist.open(staff).filter(MY_AREA);

      staff.deleteCookie("SESSION");
      staff.click(tasklist.filterLink("Vencidas"));
      // The application's login page, not the webapp's own form at ".../#/login".
      staff.waitUntil(d -> URI.create(d.getCurrentUrl()).getPath().equals("/login"));
      staff.waitFor(By.id("username"));
      staff.screenshot("s7-1-session-ended-login-page");

      staff.fillInLogin("utsi-staff2", "demo");
      staff.waitUntil(d -> d.getCurrentUrl().contains(Tasklist.PATH));
      Tasklist.open(staff).filter("Vencidas");
      assertInstituteSpanishHeader(staff, "IECM Tareas");
    }
  }

  /** The webapp shows the institute's name as its brand and title, and no vendor banner. */
  private static void assertInstituteSpanishHeader(Browser browser, String brand) {
    browser.waitForText(By.cssSelector("[cam-widget-header] .brand-name"), brand);
    browser.waitUntil(d -> d.getTitle().startsWith(brand));
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .noneMatch(WebElement::isDisplayed);
  }

  @Test
  void auditorGoesFromTheHomePageToTheListFiltersItOpensTheRecordAndDownloadsThePdfAndTheCsv() throws Exception {
    String key = "PGD-2020-2023:11.1:2022";
    cycles.startLine(2022, "11.1");
    driver.plan(key, 2022, "osgce", List.of());
    driver.reportTheYear(key, "osgce");
    driver.review(key, "osgce");
    driver.close(key, "osgce");

    try (Browser auditor = Browser.open(port)) {
      auditor.login("auditor1", "demo");
      auditor.go("/camunda/app/welcome/default/");
      WebElement expedientes = auditor.waitFor(By.cssSelector(".pgd-home a.pgd-cases"));
      assertThat(auditor.driver().findElements(By.cssSelector(".pgd-home a.pgd-dashboard"))).hasSize(1);
      auditor.screenshot("s4-0-auditor-home");
      auditor.click(expedientes);
      auditor.waitForText(By.tagName("h1"), "Expedientes");

      // The filters, from the keyboard, Tab between them; Enter in the date sends the form.
      auditor.click(auditor.driver().findElement(By.name("year")));
      auditor.press(Keys.ESCAPE);
      auditor.typeLikeAPerson("2022");
      auditor.press(Keys.TAB);
      auditor.typeLikeAPerson("Oficina");
      auditor.press(Keys.TAB);
      auditor.typeLikeAPerson("11.1");
      auditor.press(Keys.TAB);
      auditor.typeLikeAPerson("Cerrado");
      auditor.press(Keys.TAB);
      auditor.typeLikeAPerson("15/01/2022");
      auditor.screenshot("s4-1-auditor-filters");
      auditor.press(Keys.ENTER);
      auditor.waitUntil(d -> d.getCurrentUrl().contains("line=11.1"));
      assertThat(URI.create(auditor.driver().getCurrentUrl()).getQuery())
          .contains("year=2022", "area=osgce", "line=11.1", "outcome=closed", "from=15/01/2022");
      assertThat(auditor.driver().findElement(By.name("from")).getAttribute("value")).isEqualTo("15/01/2022");
      List<WebElement> rows = auditor.driver().findElements(By.cssSelector("tr[data-key]"));
      assertThat(rows).extracting(row -> row.getAttribute("data-key")).containsExactly(key);
      assertThat(rows.get(0).getText()).contains("Oficina del Sistema de Gestión de Calidad Electoral (osgce)",
          "Cerrado", "Sellado");
      auditor.screenshot("s4-2-auditor-filtered-list");
      String csvLink = auditor.driver().findElement(By.linkText("Descargar lista (CSV)")).getAttribute("href");
      assertThat(csvLink).as("the date read day first").contains("from=2022-01-15");

      auditor.click(rows.get(0).findElement(By.linkText(key)));
      auditor.waitForText(By.cssSelector("body"), "Sello válido: el expediente no ha cambiado desde el cierre.");
      String page = auditor.driver().getPageSource();
      assertThat(page).contains("Promover y difundir la apropiación del SGCE", "Firmar cierre (SGCE)",
          "Dictaminar resultados (SGCE)", "Cierre firmado", "Conforme", "(ci-head1)").doesNotContain(">approve<");
      auditor.screenshot("s4-3-auditor-expediente");
      String pdfLink = auditor.waitFor(By.linkText("Descargar PDF")).getAttribute("href");
      HttpResponse<byte[]> pdf = download(auditor, pdfLink);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

      HttpResponse<byte[]> csv = download(auditor, csvLink);
      assertThat(csv.statusCode()).isEqualTo(200);
      List<String> csvRows = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      assertThat(csvRows).hasSize(2);
      assertThat(csvRows.get(1)).startsWith(key + ",PGD-2020-2023,11.1,2022,osgce,");

      // The plan's dashboard answers auditors too, read only.
      auditor.go("/camunda/app/cockpit/default/#/dashboard");
      auditor.waitFor(By.cssSelector(".pgd-plan tr[data-line='11.1']"));
      assertThat(auditor.driver().findElement(By.cssSelector(".pgd-plan")).getText()).doesNotContain("permiso");
    }
  }

  private static HttpResponse<byte[]> download(Browser browser, String link) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
        .header("Cookie", "SESSION=" + browser.cookie("SESSION")).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void staffOfAnotherAreaSeesNoneOfTheseTasksAndAnAuditorHasNoTasklist() {
    cycles.startLine(2021, "11.1");

    try (Browser other = Browser.open(port); Browser owner = Browser.open(port);
        Browser auditor = Browser.open(port)) {
      owner.login("osgce-staff2", "demo");
      assertThat(Tasklist.open(owner).filter(MY_AREA).taskNames())
          .contains("Elaborar programa de trabajo · línea 11.1 · 2021");

      other.login("ci-staff1", "demo");
      Tasklist otherTasks = Tasklist.open(other).filter(MY_AREA);
      assertThat(otherTasks.taskNames()).noneMatch(name -> name.contains("línea 11.1 · 2021"));
      // Staff can start no process: Tasklist offers no «Iniciar proceso».
      other.waitUntil(d -> (Boolean) other.script(
          "return document.documentElement.classList.contains('pgd-nothing-to-start')"));
      assertThat(other.driver().findElements(By.cssSelector(".start-process-action"))).noneMatch(WebElement::isDisplayed);
      other.waitUntil(d -> (Boolean) other.script(
          "return document.documentElement.classList.contains('pgd-no-task-creation')"));
      assertThat(other.driver().findElements(By.cssSelector(".create-task-action"))).noneMatch(WebElement::isDisplayed);
      other.screenshot("s5-1-other-area-tasklist");
      // Another area's task opened by its link: a notice in Spanish only.
      other.go(Tasklist.PATH + "#/?task=" + openTask("PGD-2020-2023:11.1:2021").getId());
      other.waitForText(By.cssSelector(".page-notifications"), "La tarea ya no existe o no es de sus grupos");
      assertThat(other.driver().findElement(By.cssSelector(".page-notifications")).getText())
          .doesNotContain("No matching", "task");
      other.screenshot("s5-1b-other-area-task-link");

      auditor.login("auditor2", "demo");
      auditor.go("/camunda/app/tasklist/default/");
      auditor.waitForText(By.cssSelector("body"), "Sin permiso");
      auditor.screenshot("s5-2-auditor-tasklist");
      assertThat(auditor.driver().getPageSource()).doesNotContain("Elaborar programa de trabajo")
          .doesNotContain("Whitelabel");
      assertThat(auditor.driver().findElements(By.cssSelector("button.claim, button[ng-click='complete()']")))
          .isEmpty();
    }
  }
}
