package mx.org.iecm.pgd.cycle;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Plan;

/**
 * The business key of a cycle, {@code <planCode>:<lineId>:<year>}, e.g. {@code PGD-2020-2023:1.1:2021};
 * every phase and corrective action of the cycle carries it.
 */
public record BusinessKey(String planCode, String actionLineId, int year) {

  private static final String SEPARATOR = ":";
  /** A plan code and a line number as the catalog admits them (1.1, 12.3), and a year of four digits. */
  private static final Pattern FORM =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]{0,39}):([1-9][0-9]{0,2}\\.[1-9][0-9]{0,2}):([0-9]{4})");

  public static BusinessKey parse(String value) {
    return tryParse(value).orElseThrow(() -> new IllegalArgumentException("Clave de ciclo no válida: «"
        + value + "»; se espera plan:línea:año, p. ej. PGD-2020-2023:1.1:2021"));
  }

  /** The key, if {@code value} has the form of one; stored keys that do not are data to show, not to trust. */
  public static Optional<BusinessKey> tryParse(String value) {
    Matcher parts = value == null ? null : FORM.matcher(value);
    if (parts == null || !parts.matches()) {
      return Optional.empty();
    }
    return Optional.of(new BusinessKey(parts.group(1), parts.group(2), Integer.parseInt(parts.group(3))));
  }

  /**
   * The keys of every line of the plan in a year, for queries by key (the engine's index on the
   * business key serves them whatever the number of other cycles; a pattern such as
   * {@code plan:%:year} cannot use it).
   */
  public static String[] ofYear(Plan plan, int year) {
    return ofLines(plan, plan.actionLines(), year);
  }

  public static String[] ofLines(Plan plan, List<ActionLine> lines, int year) {
    return lines.stream().map(line -> new BusinessKey(plan.code(), line.id(), year).toString()).toArray(String[]::new);
  }

  @Override
  public String toString() {
    return planCode + SEPARATOR + actionLineId + SEPARATOR + year;
  }
}
