package mx.org.iecm.pgd.catalog;

import java.util.List;

/**
 * A Línea de acción: the unit of work that gets a yearly cycle.
 *
 * @param id number as in the plan, e.g. {@code 3.4}
 * @param programNumber program it belongs to
 * @param objectiveNumber objective it serves
 * @param text verbatim text of the plan
 * @param footnote the plan's footnote on this line, or {@code null}
 * @param errata typo corrections, the text itself unchanged
 * @param responsibleArea code of the area that owns the line
 * @param coResponsibleAreas codes of the areas that take part
 * @param reportingFrequency how often progress is reported
 * @param reviewers Camunda group ids that rule the line's conformity (the SGCE office by default)
 * @param planningReviewers Camunda group ids that validate the measurability of the line's program and
 *     analyse its deviations (the planning office by default)
 * @param assignment whether areas and reviewers are a proposal or confirmed
 */
public record ActionLine(
    String id,
    String programNumber,
    String objectiveNumber,
    String text,
    String footnote,
    List<Erratum> errata,
    String responsibleArea,
    List<String> coResponsibleAreas,
    ReportingFrequency reportingFrequency,
    List<String> reviewers,
    List<String> planningReviewers,
    Assignment assignment) {

  public ActionLine {
    errata = List.copyOf(errata);
    coResponsibleAreas = List.copyOf(coResponsibleAreas);
    reviewers = List.copyOf(reviewers);
    planningReviewers = List.copyOf(planningReviewers);
  }

  /** The text with the errata applied, for reading; {@link #text()} stays verbatim. */
  public String correctedText() {
    String corrected = text;
    for (Erratum erratum : errata) {
      corrected = corrected.replace(erratum.original(), erratum.correction());
    }
    return corrected;
  }

  /** The areas that take part in the line: the responsible one first, then the co-responsible ones. */
  public List<String> areas() {
    List<String> areas = new java.util.ArrayList<>();
    areas.add(responsibleArea);
    areas.addAll(coResponsibleAreas);
    return List.copyOf(areas);
  }
}
