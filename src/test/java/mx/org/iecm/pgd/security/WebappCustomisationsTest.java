package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the customisations of Camunda's webapps (webjars/camunda/app/README.md) to the Camunda version
 * they were checked with. An upgrade fails this test until someone has gone through the README's list
 * and written the new version there; the hooks the customisations use are checked in Camunda's own
 * Tasklist code meanwhile.
 */
class WebappCustomisationsTest {

  static final Path CUSTOMISATIONS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  static final Pattern CHECKED_WITH = Pattern.compile("Revisado con Camunda (\\d+\\.\\d+\\.\\d+)\\.");

  private static String camundaVersion() throws IOException {
    Properties webjar = new Properties();
    try (InputStream in = resource("META-INF/maven/org.camunda.bpm.webapp/camunda-webapp-webjar/pom.properties")) {
      webjar.load(in);
    }
    return webjar.getProperty("version");
  }

  private static InputStream resource(String name) {
    InputStream in = WebappCustomisationsTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as("resource %s", name).isNotNull();
    return in;
  }

  private static String tasklist(String file) throws IOException {
    try (InputStream in = resource(WEBJAR + "app/tasklist/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertHas(String code, String file, String... hooks) {
    for (String hook : hooks) {
      assertThat(code.contains(hook)).as("Tasklist's %s still has «%s»", file, hook).isTrue();
    }
  }

  /**
   * Browsers keep Camunda's own files for a week without asking again (SecurityConfiguration): a file
   * of ours at one of those addresses would reach people a week late after a release.
   */
  @Test
  void noFileOfOursIsServedWhereBrowsersKeepCamundasOwnFilesForAWeek() throws IOException {
    Path webjar = CUSTOMISATIONS.getParent();
    List<String> ours;
    try (Stream<Path> files = Files.walk(webjar)) {
      ours = files.filter(Files::isRegularFile).map(file -> "/camunda/" + webjar.relativize(file).toString().replace('\\', '/'))
          .toList();
    }
    assertThat(ours).contains("/camunda/app/cockpit/pgd-plan/plugin.js", "/camunda/app/cockpit/locales/es.json");
    assertThat(ours).noneMatch(path -> SecurityConfiguration.CAMUNDA_FILE.matcher(path).matches());
    assertThat(SecurityConfiguration.CAMUNDA_FILE.matcher("/camunda/app/tasklist/camunda-tasklist-bootstrap.js").matches())
        .isTrue();
    assertThat(SecurityConfiguration.CAMUNDA_FILE.matcher("/camunda/app/tasklist/camunda-cockpit-bootstrap.js").matches())
        .isFalse();
  }

  @Test
  void theCustomisationsWereCheckedWithTheCamundaVersionOfTheApplication() throws IOException {
    Matcher checked = CHECKED_WITH.matcher(Files.readString(CUSTOMISATIONS.resolve("README.md")));
    assertThat(checked.find()).as("«Revisado con Camunda x.y.z.» in the README").isTrue();
    assertThat(camundaVersion())
        .as("Camunda changed: go through the list of webjars/camunda/app/README.md, then write the new version there")
        .isEqualTo(checked.group(1));
  }

  @Test
  void tasklistStillHasTheHooksTheTaskFormsUse() throws IOException {
    String code = tasklist("camunda-tasklist-bootstrap.js");
    // customScripts imported and awaited before the start; ngDeps added to the app's module
    assertHas(code, "code", "customScripts", "import(t)", "ngDeps");
    // the Forms SDK's life cycle and its refusal without a message
    assertHas(code, "code", "\"form-loaded\"", "\"variables-fetched\"", "\"variables-restored\"", "\"store\"",
        "\"submit-failed\"", "camForm submission prevented", "submitPrevented", "destroyVariable");
    // embedded forms from the deployment, and the form covered until the task is claimed
    assertHas(code, "code", "embedded:", "deployment:", "disabled-form");
    // where its messages show
    assertHas(tasklist("camunda-tasklist-bootstrap.css"), "styles", ".page-notifications");
    // pgd-tasklist/navigation.js: the start action's class, the notice of a missing task, the service it goes through
    assertHas(code, "code", "start-process-action", "No matching task", "\"Notifications\"", "startablePermissionCheck");
  }
}
