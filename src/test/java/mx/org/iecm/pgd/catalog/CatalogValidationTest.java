package mx.org.iecm.pgd.catalog;

import static mx.org.iecm.pgd.catalog.CatalogFiles.AREAS;
import static mx.org.iecm.pgd.catalog.CatalogFiles.PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of malformed catalog stops the load with a message naming the file, the entry and the problem.
 */
class CatalogValidationTest {

  private static final String LINE_1_1_AREAS = "    responsibleArea: deoeyg\n    coResponsibleAreas: [utalaod]";

  @TempDir
  Path folder;

  private CatalogFiles files;

  @BeforeEach
  void copyShippedCatalog() {
    files = CatalogFiles.shippedIn(folder);
  }

  @Test
  void shippedCopyLoadsWithoutProblems() {
    assertThat(files.load().plan("PGD-2020-2023").orElseThrow().actionLines()).hasSize(39);
  }

  @Test
  void unknownResponsibleAreaIsRejected() {
    files.edit(PLAN, LINE_1_1_AREAS, "    responsibleArea: dxyz\n    coResponsibleAreas: [utalaod]");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1",
        "el área responsable «dxyz» no existe en el catálogo de áreas"));
  }

  @Test
  void unknownCoResponsibleAreaIsRejected() {
    files.edit(PLAN, LINE_1_1_AREAS, "    responsibleArea: deoeyg\n    coResponsibleAreas: [utalaod, nada]");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1",
        "el área corresponsable «nada» no existe en el catálogo de áreas"));
  }

  @Test
  void areaBothResponsibleAndCoResponsibleIsRejected() {
    files.edit(PLAN, LINE_1_1_AREAS, "    responsibleArea: deoeyg\n    coResponsibleAreas: [deoeyg]");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1",
        "el área «deoeyg» no puede ser responsable y corresponsable a la vez"));
  }

  @Test
  void duplicateLineIdIsRejected() {
    files.edit(PLAN, "id: \"1.2\"", "id: \"1.1\"");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1",
        "número de línea duplicado"));
  }

  @Test
  void lineNumberedOutsideItsProgramIsRejected() {
    files.edit(PLAN, "id: \"1.3\"", "id: \"2.9\"");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 2.9",
        "el número no corresponde al programa «1»"));
  }

  @Test
  void danglingObjectiveIsRejected() {
    files.edit(PLAN, "    objective: \"1\"", "    objective: \"10\"");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1",
        "el objetivo «10» no existe en el plan"));
  }

  @Test
  void danglingPolicyOfAProgramIsRejected() {
    files.edit(PLAN, "    policy: \"1\"", "    policy: \"7\"");

    assertProblems(files::load,
        new CatalogProblem(files.pathOf(PLAN), "programa 1", "la política «7» no existe en el plan"),
        new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1", "el programa «1» no existe en el plan"));
  }

  @Test
  void missingTextIsRejected() {
    String text = files.read(PLAN).lines().filter(line -> line.startsWith("    text: \"Fortalecer la infraestructura"))
        .findFirst().orElseThrow();
    files.edit(PLAN, text + "\n", "");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 3.4",
        "falta el texto (text)"));
  }

  @Test
  void objectiveThatNoLineServesIsRejected() {
    files.edit(PLAN, "actionLines:", "  - number: \"10\"\n    text: \"Objetivo sin líneas\"\nactionLines:");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "objetivo 10",
        "ninguna línea de acción lo atiende"));
  }

  @Test
  void misspelledFieldIsRejectedWithItsLine() {
    files.edit(PLAN, "    responsibleArea: deoeyg", "    responsableArea: deoeyg");

    assertThatThrownBy(files::load)
        .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> {
              assertThat(problem.file()).isEqualTo(files.pathOf(PLAN));
              assertThat(problem.entry()).matches("línea \\d+ del archivo");
              assertThat(problem.message()).startsWith("campo desconocido «responsableArea»");
            }));
  }

  @Test
  void unquotedLineNumberIsRejectedBecauseYamlWouldReadItAsADecimal() {
    files.edit(PLAN, "id: \"1.1\"", "id: 1.1");

    assertThatThrownBy(files::load)
        .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> assertThat(problem.message())
                .isEqualTo("valor no válido «1.1» en «actionLines[1].id»: los números de política, programa,"
                    + " objetivo y línea van entre comillas, por ejemplo \"1.10\"")));
  }

  @Test
  void brokenYamlIsRejected() {
    files.edit(PLAN, "code: PGD-2020-2023", "code: \"PGD-2020-2023");

    assertThatThrownBy(files::load)
        .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> {
              assertThat(problem.file()).isEqualTo(files.pathOf(PLAN));
              assertThat(problem.message()).startsWith("YAML mal formado");
            }));
  }

  @Test
  void unknownReportingFrequencyIsRejected() {
    files.edit(PLAN, "reportingFrequency: quarterly", "reportingFrequency: trimestral");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "defaults",
        "frecuencia de reporte desconocida «trimestral»; use una de: monthly, bimonthly, quarterly,"
            + " four-monthly, semiannual, annual"));
  }

  @Test
  void unknownReviewerGroupIsRejected() {
    files.edit(PLAN, "reviewers: [sgce-office]", "reviewers: [sgce]");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "defaults",
        "el grupo revisor «sgce» de reviewers no existe; use un grupo de rol (sgce-office, managers, auditors,"
            + " camunda-admin), «<área>-staff» o «<área>-head»"));
  }

  @Test
  void lineRuledByItsOwnAreaThroughTheSgceOfficeGroupIsRejected() {
    // 11.1 is the SGCE office's own line: without its own reviewer it would take the default, sgce-office.
    files.edit(PLAN, "    responsibleArea: osgce\n    reviewers: [ci-head]\n    coResponsibleAreas: []",
        "    responsibleArea: osgce\n    coResponsibleAreas: []");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 11.1",
        "la revisaría su propia área: el grupo «sgce-office» de reviewers (tomado de defaults) actúa por «osgce»,"
            + " el área responsable; asigne a la línea otro grupo en reviewers"));
  }

  @Test
  void lineWhoseProgramIsValidatedByItsOwnAreaIsRejected() {
    files.edit(PLAN, LINE_1_1_AREAS, LINE_1_1_AREAS + "\n    planningReviewers: [deoeyg-staff]");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 1.1",
        "la revisaría su propia área: el grupo «deoeyg-staff» de planningReviewers actúa por «deoeyg», el área"
            + " responsable; asigne a la línea otro grupo en planningReviewers"));
  }

  @Test
  void roleGroupClaimedByTwoAreasIsRejected() {
    files.edit(AREAS, "    kind: internal-control\n", "    kind: internal-control\n    roleGroups: [sgce-office]\n");

    assertProblems(files::load, new CatalogProblem(files.pathOf(AREAS), "área «osgce»",
        "el grupo de rol «sgce-office» ya actúa por otra área"));
  }

  @Test
  void erratumThatIsNotInTheTextIsRejected() {
    files.edit(PLAN, "original: \"e tal forma\"", "original: \"de tal manera\"");

    assertProblems(files::load, new CatalogProblem(files.pathOf(PLAN), "línea de acción 2.2",
        "la fe de erratas «de tal manera» no aparece en el texto"));
  }

  @Test
  void duplicateAreaCodeIsRejected() {
    files.edit(AREAS, "code: dprf", "code: se");

    assertProblems(files::load, new CatalogProblem(files.pathOf(AREAS), "área «se»", "clave duplicada"));
  }

  @Test
  void areaCodeThatCannotMakeAGroupIdIsRejected() {
    files.edit(AREAS, "code: utef", "code: UT-EF");

    assertProblems(files::load, new CatalogProblem(files.pathOf(AREAS), "área «UT-EF»",
        "la clave solo admite minúsculas sin acentos y dígitos, empieza con letra y tiene hasta 20 caracteres"));
  }

  @Test
  void unknownParentAreaIsRejected() {
    files.edit(AREAS, "parent: sa", "parent: sx");

    assertProblems(files::load, new CatalogProblem(files.pathOf(AREAS), "área «dprf»",
        "el área superior «sx» no existe"));
  }

  @Test
  void areaWithoutNameIsRejected() {
    files.edit(AREAS, "    name: Contraloría Interna\n", "");

    assertProblems(files::load, new CatalogProblem(files.pathOf(AREAS), "área «ci»", "falta el nombre (name)"));
  }

  @Test
  void twoFilesWithTheSamePlanCodeAreRejected() {
    files.addPlan("pgd-copia.yaml", files.read(PLAN));

    assertProblems(files::load, new CatalogProblem(files.pathOf("pgd-copia.yaml"), "plan «PGD-2020-2023»",
        "la clave ya la usa el plan de " + files.pathOf(PLAN)));
  }

  @Test
  void noPlanFileIsRejected() {
    files.withoutPlans();

    assertProblems(files::load, new CatalogProblem("(planes)", "archivos", "no se encontró ningún archivo de plan"));
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    files.edit(PLAN, LINE_1_1_AREAS, "    responsibleArea: dxyz\n    coResponsibleAreas: [utalaod]")
        .edit(PLAN, "id: \"1.2\"", "id: \"1.1\"")
        .edit(AREAS, "parent: sa", "parent: sx");

    assertThatThrownBy(files::load)
        .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("«dxyz»")
        .hasMessageContaining("número de línea duplicado")
        .hasMessageContaining("el área superior «sx» no existe");
  }

  private static void assertProblems(ThrowingCallable load, CatalogProblem... expected) {
    assertThatThrownBy(load)
        .isInstanceOfSatisfying(InvalidCatalogException.class,
            e -> assertThat(e.problems()).containsAll(List.of(expected)));
  }
}
