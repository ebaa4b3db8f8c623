package mx.org.iecm.pgd.browser;

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
import mx.org.iecm.pgd.support.Tasklist;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people of the institute in a real headless Chromium, each in a browser of their own: staff and
 * heads in Tasklist, the SGCE office approving, a manager in Cockpit, an auditor on the expediente page,
 * and people who must not see what is not theirs. Screenshots of the key steps go to target/screenshots.
 */
@PgdIntegrationTest
@OwnsCycles({"9.1:2021", "10.1:2021", "11.1:2021", "11.1:2022", "10.2:2023"})
class PlanBrowserTest {

  static final String MY_AREA = "Tareas de mi área";

  @LocalServerPort
  int port;
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
  ProgramVersions programVersions;

  CycleDriver driver;

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService);
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
  void managerSeesThePlanOnTheCockpitDashboardAndOpensTheCycle() {
    cycles.startLine(2023, "10.2");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PGD-2020-2023:10.2:2023")
        .processDefinitionKey("action-line-lifecycle").singleResult().getId();

    try (Browser manager = Browser.open(port)) {
      manager.login("manager1", "demo");
      manager.go("/camunda/app/cockpit/default/#/dashboard");
      WebElement row = manager.waitFor(By.cssSelector(".pgd-plan tr[data-line='10.2']"));
      assertInstituteSpanishHeader(manager, "IECM Seguimiento");
      assertThat(manager.driver().findElement(By.tagName("body")).getText())
          .contains("Instancias de proceso en ejecución", "Procesos", "Decisiones");
      assertThat(manager.driver().findElements(By.cssSelector(".pgd-plan tr[data-line]"))).hasSize(39);
      assertThat(row.getText()).contains("Planeación", "Elaborar programa de trabajo");
      manager.scrollTo(row);
      manager.screenshot("s3-1-manager-dashboard");
      manager.click(row.findElement(By.linkText("Abrir instancia")));
      manager.waitUntil(d -> d.getCurrentUrl().contains("/process-instance/" + instance));
      manager.waitForText(By.cssSelector("body"), "PGD-2020-2023:10.2:2023");
      manager.screenshot("s3-2-manager-process-instance");
    }
  }

  @Test
  void administratorWorksInAdminInSpanishAndABrowserSetToEnglishGetsEnglish() {
    try (Browser admin = Browser.open(port); Browser english = Browser.open(port, "en-US,en")) {
      admin.login("admin", "demo");
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
  void auditorReadsTheExpedienteWithAValidSealAndDownloadsThePdf() throws Exception {
    String key = "PGD-2020-2023:11.1:2022";
    cycles.startLine(2022, "11.1");
    driver.plan(key, 2022, "osgce", List.of());
    driver.reportTheYear(key, "osgce");
    driver.review(key, "osgce");
    driver.close(key, "osgce");

    try (Browser auditor = Browser.open(port)) {
      auditor.login("auditor1", "demo");
      auditor.go("/audit/cases/" + key);
      auditor.waitForText(By.cssSelector("body"), "Sello válido: el expediente no ha cambiado desde el cierre.");
      String page = auditor.driver().getPageSource();
      assertThat(page).contains("Promover y difundir la apropiación del SGCE", "Firmar cierre (SGCE)",
          "Dictaminar resultados (SGCE)", "Cierre firmado", "Conforme", "(sgce1)").doesNotContain(">approve<");
      auditor.screenshot("s4-1-auditor-expediente");
      String pdfLink = auditor.waitFor(By.linkText("Descargar PDF")).getAttribute("href");
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink))
          .header("Cookie", "SESSION=" + auditor.cookie("SESSION")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }
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
      other.screenshot("s5-1-other-area-tasklist");

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
