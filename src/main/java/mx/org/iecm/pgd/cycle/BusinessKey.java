package mx.org.iecm.pgd.cycle;

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

  @Override
  public String toString() {
    return planCode + SEPARATOR + actionLineId + SEPARATOR + year;
  }
}
