package mx.org.iecm.pgd.cycle;

import java.util.List;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Plan;

/**
 * The business key of a cycle, {@code <planCode>:<lineId>:<year>}, e.g. {@code PGD-2020-2023:1.1:2021};
 * every phase and corrective action of the cycle carries it.
 */
public record BusinessKey(String planCode, String actionLineId, int year) {

  private static final String SEPARATOR = ":";

  public static BusinessKey parse(String value) {
    String[] parts = value == null ? new String[0] : value.split(SEPARATOR, -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Clave de ciclo no válida: «" + value + "»; se espera plan:línea:año");
    }
    try {
      return new BusinessKey(parts[0], parts[1], Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Clave de ciclo no válida: «" + value + "»; el año no es un número", e);
    }
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
