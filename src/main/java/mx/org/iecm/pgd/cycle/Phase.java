package mx.org.iecm.pgd.cycle;

/**
 * Where a cycle stands; stored in the {@code phase} variable so that Cockpit can search by it.
 */
public enum Phase {
  NOT_STARTED("not-started", "Sin iniciar"),
  PLANNING("planning", "Planeación"),
  EXECUTION("execution", "Ejecución"),
  REVIEW("review", "Revisión"),
  CLOSURE("closure", "Cierre"),
  CLOSED("closed", "Cerrado"),
  CANCELLED("cancelled", "Cancelado");

  private final String code;
  private final String label;

  Phase(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }
}
