package mx.org.iecm.pgd.support;

import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.PgdApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole applications started the way an operator starts them, for tests that run in a JVM of their
 * own (see the surefire configuration): the settings are passed as command-line arguments, which
 * stand in for the environment variables of a real installation.
 */
public final class Applications {

  private Applications() {
  }

  public static ConfigurableApplicationContext start(List<String> settings, String... profiles) {
    List<String> arguments = new ArrayList<>();
    settings.forEach(setting -> arguments.add("--" + setting));
    arguments.add("--server.port=0");
    // Several engines live in one test JVM, one after the other or side by side.
    arguments.add("--camunda.bpm.generate-unique-process-engine-name=true");
    arguments.add("--camunda.bpm.generate-unique-process-application-name=true");
    return new SpringApplicationBuilder(PgdApplication.class).profiles(profiles).run(arguments.toArray(String[]::new));
  }
}
