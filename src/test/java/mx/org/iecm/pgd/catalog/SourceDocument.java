package mx.org.iecm.pgd.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's source document as the institute published it (a copy kept in the test resources),
 * read independently of the catalog so that the catalog can be checked against it.
 *
 * <p>It is a table with four tab-separated columns (policy, program, objective, action lines);
 * an empty cell continues the one above it.
 */
record SourceDocument(
    Map<String, String> policies,
    Map<String, String> programs,
    Map<String, String> programPolicy,
    Map<String, String> objectives,
    Map<String, String> lines,
    Map<String, String> lineObjective,
    String footnote) {

  static final String RESOURCE = "/catalog-fixtures/fuente-pgd-2020-2023.txt";

  private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\.\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern LINE = Pattern.compile("<p>(\\d+\\.\\d+)\\.\\s+(.*?)</p>");

  static SourceDocument read() {
    String text;
    try (InputStream in = SourceDocument.class.getResourceAsStream(RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> policies = new LinkedHashMap<>();
    Map<String, String> programs = new LinkedHashMap<>();
    Map<String, String> programPolicy = new LinkedHashMap<>();
    Map<String, String> objectives = new LinkedHashMap<>();
    Map<String, String> lines = new LinkedHashMap<>();
    Map<String, String> lineObjective = new LinkedHashMap<>();
    String footnote = null;
    String policy = null;
    String objective = null;
    for (String row : text.split("\n")) {
      if (row.startsWith("¹")) {
        footnote = row.substring(1).strip();
      }
      if (!row.contains("\t") || row.startsWith("Política General")) {
        continue;
      }
      List<String> cells = new ArrayList<>(List.of(row.split("\t", -1)));
      while (cells.size() < 4) {
        cells.add("");
      }
      Matcher cell = NUMBERED.matcher(cells.get(0).strip());
      if (cell.matches()) {
        policy = cell.group(1);
        policies.put(policy, cell.group(2));
      }
      cell = NUMBERED.matcher(cells.get(1).strip());
      if (cell.matches()) {
        programs.put(cell.group(1), cell.group(2));
        programPolicy.put(cell.group(1), policy);
      }
      cell = NUMBERED.matcher(cells.get(2).strip());
      if (cell.matches()) {
        objective = cell.group(1);
        objectives.put(objective, cell.group(2));
      }
      Matcher line = LINE.matcher(cells.get(3));
      while (line.find()) {
        lines.put(line.group(1), line.group(2));
        lineObjective.put(line.group(1), objective);
      }
    }
    return new SourceDocument(policies, programs, programPolicy, objectives, lines, lineObjective, footnote);
  }
}
