package mx.org.iecm.pgd.browser;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.closingReport;
import static mx.org.iecm.pgd.support.Submissions.progress;
import static mx.org.iecm.pgd.support.Submissions.results;
import static mx.org.iecm.pgd.support.Submissions.workProgram;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.support.Browser;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people of the institute in a real headless Chromium: heads and the SGCE office in Tasklist,
 * a manager in Cockpit, an auditor on the expediente page, and people who must not see what is not theirs.
 * Screenshots of each key step are saved under target/screenshots.
 */
@PgdIntegrationTest
class PlanBrowserTest {

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

  private Task openTask(String businessKey, String group) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskCandidateGroup(group)
        .includeAssignedTasks().singleResult();
  }

  /** Opens the task in Tasklist, claims it, chooses a decision, writes comments and completes it. */
  private void decide(Browser browser, Task task, String decisionLabel, String comments, String screenshot) {
    browser.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
    browser.waitForText(By.cssSelector("body"), "Decisión");
    browser.click(browser.waitFor(By.xpath("//button[contains(@class,'claim') or normalize-space()='Claim']")));
    browser.click(browser.waitFor(By.xpath("//label[contains(normalize-space(), '" + decisionLabel + "')]")));
    if (comments != null) {
      browser.waitFor(By.xpath("//label[starts-with(normalize-space(), 'Comentarios')]/following::textarea[1]"))
          .sendKeys(comments);
    }
    browser.screenshot(screenshot);
    browser.click(browser.waitFor(By.xpath("//button[normalize-space()='Complete']")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  @Test
  void headReturnsTheDraftInTasklistAndStaffSeesTheCommentThenHeadAndSgceApprove() {
    cycles.startLine(2023, "9.1");
    String key = "PGD-2020-2023:9.1:2023";
    driver.complete(key, "osgce-staff1", "osgce-staff", workProgram(2023));

    try (Browser head = Browser.open(port); Browser staff = Browser.open(port); Browser sgce = Browser.open(port)) {
      head.login("osgce-head1", "demo");
      Task approval = openTask(key, "osgce-head");
      head.go("/camunda/app/tasklist/default/#/?task=" + approval.getId());
      head.waitForText(By.cssSelector("body"), "Diagnóstico de boletas");
      head.screenshot("s2-1-head-sees-the-draft-read-only");
      decide(head, approval, "Devolver con comentarios", "Agregue el costo de cada actividad.", "s2-2-head-returns");

      staff.login("osgce-staff1", "demo");
      Task draft = openTask(key, "osgce-staff");
      staff.go("/camunda/app/tasklist/default/#/?task=" + draft.getId());
      staff.waitForText(By.cssSelector("body"), "Agregue el costo de cada actividad.");
      assertThat(staff.driver().getPageSource()).contains("Devuelto por osgce-head1");
      staff.screenshot("s2-3-staff-sees-the-comment");

      driver.complete(key, "osgce-staff2", "osgce-staff", workProgram(2023));
      decide(head, openTask(key, "osgce-head"), "Aprobar", null, "s2-4-head-approves");
      driver.complete(key, "utcfd-head1", "utcfd-head", approve());
      sgce.login("sgce2", "demo");
      decide(sgce, openTask(key, "sgce-office"), "Aprobar", null, "s2-5-sgce-approves");
    }
    assertThat(programVersions.of(key)).singleElement().satisfies(v -> assertThat(v.approvedBy()).isEqualTo("sgce2"));
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
      assertThat(manager.driver().findElements(By.cssSelector(".pgd-plan tr[data-line]"))).hasSize(39);
      assertThat(row.getText()).contains("Planeación", "Elaborar programa de trabajo");
      manager.screenshot("s3-1-manager-dashboard");
      manager.click(row.findElement(By.linkText("Abrir instancia")));
      new WebDriverWait(manager.driver(), Duration.ofSeconds(30))
          .until(d -> d.getCurrentUrl().contains("/process-instance/" + instance));
      manager.waitForText(By.cssSelector("body"), "Ciclo anual de la línea de acción");
      manager.screenshot("s3-2-manager-process-instance");
    }
  }

  @Test
  void auditorReadsTheExpedienteWithAValidSealAndDownloadsThePdf() throws Exception {
    String key = "PGD-2020-2023:11.1:2022";
    cycles.startLine(2022, "11.1");
    driver.complete(key, "osgce-staff1", "osgce-staff", workProgram(2022));
    driver.complete(key, "osgce-head1", "osgce-head", approve());
    driver.complete(key, "sgce1", "sgce-office", approve());
    for (int percent : new int[] {30, 50, 80, 100}) {
      driver.runDueTimers(key);
      driver.complete(key, "osgce-staff2", "osgce-staff", progress(percent));
      driver.complete(key, "osgce-head2", "osgce-head", approve());
    }
    driver.complete(key, "osgce-staff1", "osgce-staff", results());
    driver.complete(key, "osgce-head1", "osgce-head", approve());
    driver.complete(key, "sgce2", "sgce-office", approve());
    driver.complete(key, "osgce-staff1", "osgce-staff", closingReport());
    driver.complete(key, "osgce-head1", "osgce-head", approve());
    driver.complete(key, "sgce1", "sgce-office", approve());

    try (Browser auditor = Browser.open(port)) {
      auditor.login("auditor1", "demo");
      auditor.go("/audit/cases/" + key);
      auditor.waitForText(By.cssSelector("body"), "Sello válido: el expediente no ha cambiado desde el cierre.");
      String page = auditor.driver().getPageSource();
      assertThat(page).contains("Promover y difundir la apropiación del SGCE", "Firmar cierre (SGCE)",
          "Dictaminar resultados (SGCE)", "approve");
      auditor.screenshot("s4-1-auditor-expediente");
      String pdfLink = auditor.waitFor(By.linkText("Descargar PDF")).getAttribute("href");
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink))
          .header("Cookie", "JSESSIONID=" + auditor.cookie("JSESSIONID")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }
  }

  @Test
  void staffOfAnotherAreaSeesNoneOfTheseTasksAndAnAuditorCannotWorkTasks() {
    cycles.startLine(2023, "10.3");

    try (Browser other = Browser.open(port); Browser auditor = Browser.open(port)) {
      other.login("ci-staff1", "demo");
      other.go("/camunda/app/tasklist/default/");
      other.waitForText(By.cssSelector("body"), "Tareas de mi área");
      other.click(other.waitFor(By.xpath("//a[contains(normalize-space(), 'Tareas de mi área')]")));
      other.screenshot("s5-1-other-area-tasklist");
      assertThat(other.driver().getPageSource()).doesNotContain("Elaborar programa de trabajo");

      auditor.login("auditor2", "demo");
      auditor.go("/camunda/app/tasklist/default/");
      auditor.waitForText(By.cssSelector("body"), "Sin permiso");
      auditor.screenshot("s5-2-auditor-tasklist");
      assertThat(auditor.driver().getPageSource()).doesNotContain("Elaborar programa de trabajo")
          .doesNotContain(">Complete<").doesNotContain("Whitelabel");
    }
  }
}
