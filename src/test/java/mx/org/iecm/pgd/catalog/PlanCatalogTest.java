package mx.org.iecm.pgd.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped catalog against the plan's source document: every text verbatim, every link right.
 */
class PlanCatalogTest {

  static final PlanCatalog CATALOG = new CatalogLoader().load(
      new ClassPathResource("plan/areas.yaml"), List.of(new ClassPathResource("plan/pgd-2020-2023.yaml")));
  static final Plan PLAN = CATALOG.plan("PGD-2020-2023").orElseThrow();
  static final SourceDocument SOURCE = SourceDocument.read();

  @Test
  void planHasTheCodePeriodAndSizesOfTheSourceDocument() {
    assertThat(PLAN.firstYear()).isEqualTo(2020);
    assertThat(PLAN.lastYear()).isEqualTo(2023);
    assertThat(PLAN.policies()).hasSize(6);
    assertThat(PLAN.programs()).hasSize(12);
    assertThat(PLAN.objectives()).hasSize(9);
    assertThat(PLAN.actionLines()).hasSize(39);
    assertThat(SOURCE.lines()).hasSize(39);
  }

  @Test
  void everyTextIsVerbatimFromTheSourceDocument() {
    assertThat(PLAN.policies().stream().collect(Collectors.toMap(Policy::number, Policy::text)))
        .containsExactlyInAnyOrderEntriesOf(SOURCE.policies());
    assertThat(PLAN.programs().stream().collect(Collectors.toMap(Program::number, Program::text)))
        .containsExactlyInAnyOrderEntriesOf(SOURCE.programs());
    assertThat(PLAN.objectives().stream().collect(Collectors.toMap(Objective::number, Objective::text)))
        .containsExactlyInAnyOrderEntriesOf(SOURCE.objectives());
    assertThat(PLAN.actionLines().stream().collect(Collectors.toMap(ActionLine::id, ActionLine::text)))
        .containsExactlyInAnyOrderEntriesOf(SOURCE.lines());
  }

  @Test
  void linesAreInPlanOrderFromOnePointOneToTwelvePointNine() {
    assertThat(PLAN.actionLines()).extracting(ActionLine::id).containsExactlyElementsOf(SOURCE.lines().keySet());
    assertThat(PLAN.actionLines().get(0).id()).isEqualTo("1.1");
    assertThat(PLAN.actionLines().get(38).id()).isEqualTo("12.9");
  }

  @Test
  void hierarchyMatchesTheSourceDocument() {
    assertThat(PLAN.programs().stream().collect(Collectors.toMap(Program::number, Program::policyNumber)))
        .containsExactlyInAnyOrderEntriesOf(SOURCE.programPolicy());
    assertThat(PLAN.actionLines().stream().collect(Collectors.toMap(ActionLine::id, ActionLine::objectiveNumber)))
        .containsExactlyInAnyOrderEntriesOf(SOURCE.lineObjective());
    for (ActionLine line : PLAN.actionLines()) {
      assertThat(line.id()).startsWith(line.programNumber() + ".");
    }
  }

  @Test
  void programThreeServesTwoObjectivesAndObjectiveFiveSpansThreePrograms() {
    Map<String, String> objectiveOfLine = PLAN.actionLines().stream()
        .collect(Collectors.toMap(ActionLine::id, ActionLine::objectiveNumber));
    assertThat(List.of("3.1", "3.2", "3.3")).allSatisfy(id -> assertThat(objectiveOfLine.get(id)).isEqualTo("3"));
    assertThat(List.of("3.4", "3.5", "3.6")).allSatisfy(id -> assertThat(objectiveOfLine.get(id)).isEqualTo("4"));
    assertThat(List.of("12.1", "12.2", "12.3", "12.4"))
        .allSatisfy(id -> assertThat(objectiveOfLine.get(id)).isEqualTo("8"));
    assertThat(List.of("12.5", "12.6", "12.7", "12.8", "12.9"))
        .allSatisfy(id -> assertThat(objectiveOfLine.get(id)).isEqualTo("9"));
    assertThat(PLAN.programsServing(PLAN.objective("5").orElseThrow()))
        .extracting(Program::number).containsExactly("4", "5", "6");
    assertThat(PLAN.programsServing(PLAN.objective("6").orElseThrow()))
        .extracting(Program::number).containsExactly("7", "8");
    assertThat(PLAN.programsServing(PLAN.objective("7").orElseThrow()))
        .extracting(Program::number).containsExactly("9", "10", "11");
  }

  @Test
  void footnoteOfLineTwelvePointFiveIsKept() {
    ActionLine line = PLAN.actionLine("12.5").orElseThrow();
    assertThat(line.footnote()).isEqualTo(SOURCE.footnote()).contains("SUP-JDC-352/2018");
    assertThat(line.text()).endsWith("prisión preventiva.¹");
  }

  @Test
  void typoCorrectionsAreRecordedBesideTheVerbatimText() {
    ActionLine line = PLAN.actionLine("1.2").orElseThrow();
    assertThat(line.text()).contains("elecciones aprendidas");
    assertThat(line.correctedText()).contains("lecciones aprendidas").doesNotContain("elecciones aprendidas");
    assertThat(PLAN.actionLine("2.2").orElseThrow().correctedText()).contains("de tal forma");
    assertThat(PLAN.actionLines().stream().filter(l -> !l.errata().isEmpty()).map(ActionLine::id))
        .containsExactly("1.2", "2.2", "3.6");
  }

  @Test
  void everyLineHasAKnownResponsibleAreaAFrequencyAndReviewersOtherThanItsOwnArea() {
    assertThat(PLAN.actionLines()).allSatisfy(line -> {
      assertThat(CATALOG.area(line.responsibleArea())).isPresent();
      assertThat(line.coResponsibleAreas()).allSatisfy(code -> assertThat(CATALOG.area(code)).isPresent());
      assertThat(line.reportingFrequency()).isEqualTo(ReportingFrequency.QUARTERLY);
      assertThat(line.reviewers()).containsExactly(
          line.responsibleArea().equals("osgce") ? Groups.head("ci") : Groups.SGCE_OFFICE);
      assertThat(line.planningReviewers()).containsExactly(Groups.staff("dprf"));
      assertThat(line.assignment()).isEqualTo(Assignment.PROPOSED);
    });
    assertThat(PLAN.actionLines().stream().filter(line -> line.reviewers().contains(Groups.head("ci")))
        .map(ActionLine::id)).containsExactly("9.1", "11.1", "11.2");
    assertThat(PLAN.actionLine("12.5").orElseThrow())
        .extracting(ActionLine::responsibleArea, ActionLine::coResponsibleAreas)
        .containsExactly("deoeyg", List.of("utvoe", "utaj"));
  }

  @Test
  void areasIncludeTheExecutiveDirectoratesTechnicalUnitsAndTheSgceOffice() {
    assertThat(CATALOG.areas()).hasSize(18);
    assertThat(CATALOG.areas()).filteredOn(area -> area.kind() == AreaKind.EXECUTIVE_DIRECTORATE).hasSize(4);
    assertThat(CATALOG.areas()).filteredOn(area -> area.kind() == AreaKind.TECHNICAL_UNIT).hasSize(8);
    assertThat(CATALOG.area("dprf").orElseThrow())
        .extracting(Area::name, Area::parent)
        .containsExactly("Dirección de Planeación y Recursos Financieros", "sa");
    assertThat(CATALOG.areas()).extracting(Area::code, Area::kind)
        .contains(tuple("ci", AreaKind.INTERNAL_CONTROL), tuple("osgce", AreaKind.OFFICE));
  }

  @Test
  void planInForceIsTheOneCoveringTheYearOrTheLatestStarted() {
    assertThat(CATALOG.planInForce(Year.of(2021)).code()).isEqualTo("PGD-2020-2023");
    assertThat(CATALOG.planInForce(Year.of(2026)).code()).isEqualTo("PGD-2020-2023");
  }

  @Test
  void theYearToFollowIsThisYearWhenAPlanCoversItOtherwiseTheNearestYearOfThePlanInForce() {
    assertThat(CATALOG.yearToFollow(Year.of(2021))).isEqualTo(2021);
    assertThat(CATALOG.yearToFollow(Year.of(2023))).isEqualTo(2023);
    assertThat(CATALOG.yearToFollow(Year.of(2026))).isEqualTo(2023);
    assertThat(CATALOG.yearToFollow(Year.of(2018))).isEqualTo(2020);
  }
}
