package mx.org.iecm.pgd.catalog;

import java.util.List;

/**
 * The catalog files as written, before validation: every field may be missing.
 */
final class CatalogDocuments {

  private CatalogDocuments() {
  }

  record AreasDocument(List<AreaEntry> areas) {
  }

  record AreaEntry(String code, String name, String kind, String parent, List<String> roleGroups) {
  }

  record PlanDocument(
      String code,
      String name,
      PeriodEntry period,
      DefaultsEntry defaults,
      List<NumberedEntry> policies,
      List<ProgramEntry> programs,
      List<NumberedEntry> objectives,
      List<ActionLineEntry> actionLines) {
  }

  record PeriodEntry(Integer from, Integer to) {
  }

  record DefaultsEntry(String reportingFrequency, List<String> reviewers, List<String> planningReviewers) {
  }

  record NumberedEntry(String number, String text) {
  }

  record ProgramEntry(String number, String policy, String text) {
  }

  record ErratumEntry(String original, String correction, String note) {
  }

  record ActionLineEntry(
      String id,
      String program,
      String objective,
      String text,
      String footnote,
      List<ErratumEntry> errata,
      String assignment,
      String responsibleArea,
      List<String> coResponsibleAreas,
      String reportingFrequency,
      List<String> reviewers,
      List<String> planningReviewers) {
  }
}
