package mx.org.iecm.pgd.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.support.Browser;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rules by which the task forms read a typed date or number (pgd-tasklist/values.js), run in
 * Chromium set to Mexico City time: every entry the institute's people write, and those refused rather
 * than read as another value.
 */
@PgdIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldValuesBrowserTest {

  static final String VALUES = "/camunda/app/tasklist/pgd-tasklist/values.js";

  @LocalServerPort
  int port;

  Browser browser;

  @BeforeAll
  void openBrowser() {
    browser = Browser.open(port);
    browser.login("utsi-staff1", "demo");
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Calls a function of values.js in the page with the given arguments and returns its result. */
  private Object call(String function, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import(arguments[0]).then(values => done(values[arguments[1]](...arguments[2])),
          error => done('error: ' + error));""", VALUES, function, Arrays.asList(arguments));
  }

  @Test
  void datesTypedDayFirstOrInTheRecordsFormAreTheSameCalendarDay() {
    assertThat(browser.timeZoneAndLanguage()).isEqualTo("America/Mexico_City es-MX");
    Map<String, String> read = Map.of(
        "01/01/2021", "2021-01-01", "1/1/2021", "2021-01-01", "15/03/2021", "2021-03-15", "15-03-2021", "2021-03-15",
        "15.03.2021", "2021-03-15", " 31/12/2021 ", "2021-12-31", "2021-03-15", "2021-03-15", "29/02/2024", "2024-02-29");
    read.forEach((typed, stored) -> assertThat(call("parseDate", typed)).as("«%s»", typed)
        .isEqualTo(Map.of("value", stored)));
    assertThat(call("parseDate", "")).asInstanceOf(InstanceOfAssertFactories.MAP).hasSize(1)
        .containsEntry("value", null);
  }

  @Test
  void anEntryThatIsNotADayFirstDateIsRefusedNeverReadAsAnotherDay() {
    String example = "Escriba la fecha como dd/mm/aaaa (día, mes y año), p. ej. 15/03/2021.";
    Map<String, String> refused = Map.of(
        "03/15/2021", "No hay mes 15: la fecha va con el día primero. " + example,
        "31/02/2021", "Febrero de 2021 no tiene día 31.",
        "29/02/2021", "Febrero de 2021 no tiene día 29.",
        "15/03/21", "Escriba el año con cuatro dígitos. " + example,
        "15/03-2021", example,
        "mañana", example,
        "2021-3-15", example,
        "2021-02-30", "Febrero de 2021 no tiene día 30.");
    refused.forEach((typed, message) -> assertThat(call("parseDate", typed)).as("«%s»", typed)
        .isEqualTo(Map.of("error", message)));
  }

  @Test
  void storedDatesShowDayFirstWhateverTheBrowsersTimeZone() {
    assertThat(call("formatDate", "2021-01-01")).isEqualTo("01/01/2021");
    assertThat(call("formatDate", "2021-12-31")).isEqualTo("31/12/2021");
    // A reporting moment shows the day written in it, not the day in the browser's zone.
    assertThat(call("formatDate", "2021-03-31T23:30:00-06:00")).isEqualTo("31/03/2021");
    assertThat(call("formatDate", "sin fecha")).isEqualTo("sin fecha");
  }

  @Test
  void amountsAreReadAsMexicoWritesThemOrRefused() {
    Map<String, Object> money = Map.of("money", true, "decimals", 2, "min", 0);
    Map<String, Number> read = Map.of("250,000", 250000L, "250 000", 250000L, "250000.50", 250000.5,
        "$250,000.00", 250000L, "$ 1,500.5", 1500.5, "1,500.5", 1500.5, "0", 0L, ".5", 0.5);
    read.forEach((typed, value) -> assertThat(call("parseNumber", typed, money)).as("«%s»", typed)
        .isEqualTo(Map.of("value", value)));
    String refusal = "Escriba solo dígitos y, si hay centavos, punto decimal; puede separar los miles con comas:"
        + " 250,000.50.";
    for (String typed : List.of("abc", "250,00", "1.500.000", "25,0000", "250.000,00", "12 mil", "1e5")) {
      assertThat(call("parseNumber", typed, money)).as("«%s»", typed).isEqualTo(Map.of("error", refusal));
    }
    assertThat(call("parseNumber", "1.500", money)).isEqualTo(Map.of("error", "Escriba como máximo 2 decimales."));
    assertThat(call("parseNumber", "-5000", money)).isEqualTo(Map.of("error", "El valor mínimo es 0."));
    assertThat(call("parseNumber", "101", Map.of("decimals", 2, "min", 0, "max", 100)))
        .isEqualTo(Map.of("error", "El valor máximo es 100."));
    assertThat(call("parseNumber", "4,5", Map.of())).isEqualTo(Map.of("error", "Escriba solo dígitos y, si hay"
        + " decimales, punto decimal; puede separar los miles con comas: 1,500.5."));
  }

  @Test
  void amountsShowWithThousandsSeparatorsAndTwoDecimals() {
    assertThat(call("formatNumber", 250000, 2)).isEqualTo("250,000.00");
    assertThat(call("formatNumber", 1500.5, 2)).isEqualTo("1,500.50");
    assertThat(call("formatNumber", 1000000000, 2)).isEqualTo("1,000,000,000.00");
    assertThat(call("formatNumber", 4.5, null)).isEqualTo("4.5");
    assertThat(call("formatNumber", 1500, null)).isEqualTo("1,500");
  }

  @Test
  void theCalendarOfAMonthStartsOnSundayAndHasEveryDay() {
    @SuppressWarnings("unchecked")
    List<List<String>> march = (List<List<String>>) call("monthWeeks", 2021, 3);
    assertThat(march.get(0)).containsExactly(null, "2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04",
        "2021-03-05", "2021-03-06");
    assertThat(march).hasSize(5);
    assertThat(march.get(4)).containsExactly("2021-03-28", "2021-03-29", "2021-03-30", "2021-03-31", null, null, null);
  }
}
