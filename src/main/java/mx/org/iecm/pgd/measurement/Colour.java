package mx.org.iecm.pgd.measurement;

/** The traffic light of an indicator against its period's target, as the technical sheet sets it. */
public enum Colour {
  GREEN("verde"),
  YELLOW("amarillo"),
  RED("rojo");

  private final String label;

  Colour(String label) {
    this.label = label;
  }

  /** The colour as people read it: «verde», «amarillo», «rojo». */
  public String label() {
    return label;
  }
}
