package mx.org.iecm.pgd.catalog;

import java.util.List;

/**
 * JSON shapes of the plan read API.
 */
final class PlanViews {

  private PlanViews() {
  }

  record PlanSummary(String code, String name, Period period, int actionLines, String self) {

    static PlanSummary of(Plan plan) {
      return new PlanSummary(plan.code(), plan.name(), Period.of(plan), plan.actionLines().size(),
          "/api/plan?code=" + plan.code());
    }
  }

  record Period(int from, int to) {

    static Period of(Plan plan) {
      return new Period(plan.firstYear(), plan.lastYear());
    }
  }

  record PlanTree(String code, String name, Period period, List<PolicyNode> policies,
      List<ObjectiveNode> objectives) {

    static PlanTree of(Plan plan, PlanCatalog catalog) {
      List<PolicyNode> policies = plan.policies().stream()
          .map(policy -> new PolicyNode(policy.number(), policy.text(), plan.programsOf(policy).stream()
              .map(program -> new ProgramNode(program.number(), program.text(), plan.actionLinesOf(program).stream()
                  .map(line -> ActionLineNode.of(plan, line, catalog))
                  .toList()))
              .toList()))
          .toList();
      List<ObjectiveNode> objectives = plan.objectives().stream()
          .map(objective -> new ObjectiveNode(objective.number(), objective.text(),
              plan.programsServing(objective).stream().map(Program::number).toList(),
              plan.actionLines().stream()
                  .filter(line -> line.objectiveNumber().equals(objective.number()))
                  .map(ActionLine::id)
                  .toList()))
          .toList();
      return new PlanTree(plan.code(), plan.name(), Period.of(plan), policies, objectives);
    }
  }

  record PolicyNode(String number, String text, List<ProgramNode> programs) {
  }

  record ProgramNode(String number, String text, List<ActionLineNode> actionLines) {
  }

  record ObjectiveNode(String number, String text, List<String> programs, List<String> actionLines) {
  }

  record ObjectiveRef(String number, String text) {
  }

  record AreaRef(String code, String name) {

    static AreaRef of(String code, PlanCatalog catalog) {
      return new AreaRef(code, catalog.area(code).map(Area::name).orElse(code));
    }
  }

  record ErratumView(String original, String correction, String note) {
  }

  record ActionLineNode(
      String planCode,
      String id,
      String program,
      ObjectiveRef objective,
      String text,
      String correctedText,
      String footnote,
      List<ErratumView> errata,
      AreaRef responsibleArea,
      List<AreaRef> coResponsibleAreas,
      String reportingFrequency,
      List<String> reviewers,
      List<String> planningReviewers,
      String assignment) {

    static ActionLineNode of(Plan plan, ActionLine line, PlanCatalog catalog) {
      Objective objective = plan.objective(line.objectiveNumber()).orElseThrow();
      return new ActionLineNode(
          plan.code(),
          line.id(),
          line.programNumber(),
          new ObjectiveRef(objective.number(), objective.text()),
          line.text(),
          line.errata().isEmpty() ? null : line.correctedText(),
          line.footnote(),
          line.errata().stream().map(e -> new ErratumView(e.original(), e.correction(), e.note())).toList(),
          AreaRef.of(line.responsibleArea(), catalog),
          line.coResponsibleAreas().stream().map(code -> AreaRef.of(code, catalog)).toList(),
          line.reportingFrequency().code(),
          line.reviewers(),
          line.planningReviewers(),
          line.assignment().code());
    }
  }
}
