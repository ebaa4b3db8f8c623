package mx.org.iecm.pgd.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.support.Browser;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people of the institute in a real headless Chromium (screenshots under target/screenshots).
 *
 * <p>For now the auditor's scenario on the application's own pages; the Tasklist and Cockpit scenarios
 * wait until the webapps load reliably in headless Chromium (see the issue on end-to-end tests).
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

  CycleDriver driver;

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService);
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
          "Dictaminar resultados (SGCE)", "approve");
      auditor.screenshot("s4-1-auditor-expediente");
      String pdfLink = auditor.waitFor(By.linkText("Descargar PDF")).getAttribute("href");
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink))
          .header("Cookie", "SESSION=" + auditor.cookie("SESSION")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }
  }
}
