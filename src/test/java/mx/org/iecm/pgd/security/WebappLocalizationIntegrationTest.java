package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps as the application serves them speak Spanish first: each configuration names Spanish as
 * the default and English as the second locale and carries the institute's name, every English text has
 * its Spanish translation with the same placeholders, and the vendor's banner is hidden.
 */
@PgdIntegrationTest
class WebappLocalizationIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern HTML_TAG = Pattern.compile("</?(a|b|i|em|strong|br|p|span|code|ul|ol|li|div|small)\\b");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
  private static final String PRODUCTS = "Camunda|Cockpit|Tasklist|Admin|Optimize";
  private static final Map<String, String> NAMES = Map.of(
      "tasklist", "Tareas", "cockpit", "Seguimiento", "admin", "Administración", "welcome", "Inicio");

  @LocalServerPort
  int port;

  private BrowserSession browser;

  @BeforeEach
  void logIn() throws Exception {
    browser = new BrowserSession(port);
    browser.login("admin", "demo");
  }

  private String served(String path) throws Exception {
    HttpResponse<String> response = browser.get(path, "*/*");
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configurationMakesSpanishTheDefaultWithEnglishSecondAndTheInstituteInTheHeader(String app) throws Exception {
    String config = served("/camunda/app/" + app + "/scripts/config.js");

    assertThat(config).containsPattern("availableLocales:\\s*\\['es',\\s*'en'\\]")
        .containsPattern("fallbackLocale:\\s*'es'")
        .containsPattern("vendor:\\s*'IECM'")
        .containsPattern("name:\\s*'" + NAMES.get(app) + "'");
    assertThat(config).contains("'../pgd/session'");
    assertThat(served("/camunda/app/" + app + "/styles/user-styles.css"))
        .contains("@import url(\"../../pgd/branding.css\");");
    assertThat(served("/camunda/app/pgd/branding.css"))
        .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishTextHasItsSpanishTranslationWithTheSamePlaceholders(String app) throws Exception {
    JsonNode english = JSON.readTree(served("/camunda/app/" + app + "/locales/en.json").replace("\uFEFF", ""));
    JsonNode spanish = JSON.readTree(served("/camunda/app/" + app + "/locales/es.json"));

    List<String> missing = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    compare("", english, spanish, missing, differing);

    assertThat(missing).as("keys of en.json without a Spanish text").isEmpty();
    assertThat(differing).as("texts whose placeholders or tags differ").isEmpty();
    assertThat(untranslatedPhrases(english.get("labels"), spanish.get("labels")))
        .as("labels of two or more words left as in English").isEmpty();
    if (english.has("dateLocales")) {
      assertThat(spanish.at("/dateLocales/months/0").asText()).isEqualTo("enero");
      assertThat(spanish.at("/dateLocales/weekdays/1").asText()).isEqualTo("lunes");
    }
  }

  private static void compare(String path, JsonNode english, JsonNode spanish, List<String> missing,
      List<String> differing) {
    if (english.isObject()) {
      english.fieldNames().forEachRemaining(name -> {
        JsonNode translated = spanish == null ? null : spanish.get(name);
        if (translated == null) {
          missing.add(path + "/" + name);
        } else {
          compare(path + "/" + name, english.get(name), translated, missing, differing);
        }
      });
    } else if (english.isArray()) {
      if (!spanish.isArray() || spanish.size() != english.size()) {
        missing.add(path + " (list of " + english.size() + ")");
      }
    } else if (english.isTextual()) {
      if (!marks(PLACEHOLDER, english.asText()).equals(marks(PLACEHOLDER, spanish.asText()))
          || !marks(HTML_TAG, english.asText()).equals(marks(HTML_TAG, spanish.asText()))) {
        differing.add(path + ": «" + english.asText() + "» / «" + spanish.asText() + "»");
      }
    }
  }

  private static TreeSet<String> marks(Pattern pattern, String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1).replace(" ", ""));
    }
    return found;
  }

  /**
   * Labels identical in both files that are phrases, not single words: a product name, a code or a word
   * that reads the same in Spanish ("Variables", "General") is fine; a sentence left in English is not.
   */
  private static List<String> untranslatedPhrases(JsonNode english, JsonNode spanish) {
    List<String> phrases = new ArrayList<>();
    english.fieldNames().forEachRemaining(name -> {
      String text = english.get(name).asText();
      if (text.equals(spanish.path(name).asText()) && WORD.matcher(PLACEHOLDER.matcher(text).replaceAll("")
          .replaceAll(PRODUCTS, "")).results().count() > 1) {
        phrases.add(name + ": " + text);
      }
    });
    return phrases;
  }
}
