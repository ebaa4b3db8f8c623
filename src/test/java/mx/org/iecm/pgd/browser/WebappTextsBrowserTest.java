package mx.org.iecm.pgd.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.support.Browser;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.Tasklist;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No raw text key (CREATION_DATE, SEARCH_PLACEHOLDER…) is ever on screen while the webapps load: a
 * recorder that runs before each page's own scripts reads every frame what a person can see.
 */
@PgdIntegrationTest
class WebappTextsBrowserTest {

  /** Reads, every frame of the first 15 s of a page, the visible text and placeholders for text keys. */
  static final String RECORDER = """
      window.pgdRawKeys = [];
      const KEY = /\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b/g;
      const look = () => {
        if (document.body) {
          const placeholders = [...document.querySelectorAll('[placeholder]')]
            .filter(e => e.checkVisibility({ visibilityProperty: true })).map(e => e.placeholder).join(' ');
          for (const key of (document.body.innerText + ' ' + placeholders).matchAll(KEY)) {
            window.pgdRawKeys.push(key[0]);
          }
        }
        if (performance.now() < 15000) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      """;

  @LocalServerPort
  int port;

  @Test
  void noRawTextKeyShowsWhileTasklistAndCockpitLoad() {
    try (Browser staff = Browser.open(port); Browser manager = Browser.open(port)) {
      staff.login("deap-staff1", "demo");
      manager.login("manager2", "demo");
      for (Browser browser : List.of(staff, manager)) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
            Map.of("source", RECORDER));
      }
      for (int load = 1; load <= 5; load++) {
        Tasklist.open(staff).filter("Vencidas").taskNames();
        staff.waitForText(By.cssSelector("footer"), "Con tecnología de");
        assertThat(staff.script("return window.pgdRawKeys;")).as("keys seen in Tasklist, load %d", load)
            .asList().isEmpty();

        manager.go("/camunda/app/cockpit/default/#/dashboard");
        manager.waitFor(By.cssSelector(".pgd-plan tr[data-line]"));
        assertThat(manager.script("return window.pgdRawKeys;")).as("keys seen in Cockpit, load %d", load)
            .asList().isEmpty();
      }
    }
  }
}
