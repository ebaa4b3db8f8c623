package mx.org.iecm.pgd.startup;

import java.util.List;

/**
 * The application was started without the settings it needs; start-up stops and says which.
 */
class MissingSettingsException extends RuntimeException {

  private final transient List<String> problems;

  MissingSettingsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
