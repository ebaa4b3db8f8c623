package mx.org.iecm.pgd.task;

/**
 * One thing wrong with a submission: the field as the client sent it ({@code activities[1].start}, for
 * marking it in the form), the field as people read it («Actividad 1 – Inicio») and what is wrong.
 */
public record Problem(String field, String label, String message) {

  /** As a person reads it: «Actividad 1 – Inicio: debe caer dentro del año 2021». */
  public String text() {
    return label + ": " + message;
  }

  @Override
  public String toString() {
    return text();
  }
}
