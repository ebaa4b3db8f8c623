package mx.org.iecm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;

/**
 * The catalog the benchmark runs on: the real plan 2020–2023 (its 39 lines for the overhead
 * measurement) and a synthetic plan for the years 2000–2019 whose many lines make room for
 * thousands of closed cycles (business keys are plan:line:year, so the real plan alone allows 156).
 * The synthetic lines belong to the SGCE office, without co-responsible areas, ruled (as the office's own
 * lines in the real plan) by the internal control body: each closed cycle is 18 task completions and 4
 * reporting timers.
 */
final class BenchPlan {

  static final String CODE = "BENCH-2000-2019";
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2019;
  static final String AREA = "osgce";

  private BenchPlan() {
  }

  /** Writes both plan files into {@code folder} and returns the catalog pattern that loads them. */
  static String write(Path folder, int linesPerYear) throws IOException {
    Files.createDirectories(folder);
    try (InputStream real = new ClassPathResource("plan/pgd-2020-2023.yaml").getInputStream()) {
      Files.write(folder.resolve("pgd-2020-2023.yaml"), real.readAllBytes());
    }
    StringBuilder yaml = new StringBuilder("""
        code: %s
        name: Plan sintético para medir el crecimiento del historial
        period:
          from: %d
          to: %d
        policies:
          - number: "1"
            text: "Política sintética"
        programs:
          - number: "1"
            policy: "1"
            text: "Programa sintético"
        objectives:
          - number: "1"
            text: "Objetivo sintético"
        actionLines:
        """.formatted(CODE, FIRST_YEAR, LAST_YEAR));
    for (int line = 1; line <= linesPerYear; line++) {
      yaml.append("""
            - id: "1.%d"
              program: "1"
              objective: "1"
              text: "Línea sintética %d"
              responsibleArea: %s
              reviewers: [ci-head]
          """.formatted(line, line, AREA));
    }
    Files.writeString(folder.resolve("pgd-bench.yaml"), yaml, StandardCharsets.UTF_8);
    return "file:" + folder.toAbsolutePath() + "/pgd-*.yaml";
  }

  static String businessKey(int line, int year) {
    return CODE + ":1." + line + ":" + year;
  }
}
