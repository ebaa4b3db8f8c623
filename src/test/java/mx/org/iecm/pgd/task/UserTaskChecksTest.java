package mx.org.iecm.pgd.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.support.ProcessBeans;
import mx.org.iecm.pgd.support.Submissions;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of each task's completion, as its declaration and its form set them, without an
 * engine.
 */
class UserTaskChecksTest {

  static final BusinessKey CYCLE_2021 = BusinessKey.parse("PGD-2020-2023:1.1:2021");

  final UserTasks tasks = new UserTasks(ProcessBeans.declarations(null, null), ProcessBeans.FORMS);

  private static Map<String, Object> program(int year) {
    return new HashMap<>(Submissions.workProgram(year));
  }

  /** A draft whose work program is the valid one of 2021 changed by {@code change}. */
  private static Map<String, Object> program(Consumer<ObjectNode> change) {
    ObjectNode document = WorkProgram.read(Submissions.workProgramJson(2021));
    change.accept(document);
    return Submissions.workProgramDocument(document.toString());
  }

  private static ObjectNode json(String json) {
    return WorkProgram.read(json);
  }

  private List<Problem> check(String taskId, Map<String, ?> values) {
    return tasks.get(taskId).check(Submission.of(values), CYCLE_2021);
  }

  @Test
  void validWorkProgramHasNoProblems() {
    assertThat(check("Task_DraftProgram", program(2021))).isEmpty();
  }

  @Test
  void workProgramListsAreCheckedRowByRow() {
    Map<String, Object> values = program(document -> document.set("indicators", json(
        "{\"rows\":[{\"name\":\"\",\"formula\":\"a/b\",\"unit\":\"%\",\"frequency\":\"diaria\",\"baseline\":\"x\",\"target\":5}]}")
        .get("rows")));

    assertThat(check("Task_DraftProgram", values)).containsExactly(
        new Problem("indicators[1].name", "Indicador 1 – Nombre del indicador", "es obligatorio"),
        new Problem("indicators[1].frequency", "Indicador 1 – Frecuencia de medición", "valor no válido «diaria»"),
        new Problem("indicators[1].baseline", "Indicador 1 – Línea base", "debe ser un número; se recibió «x»"));
  }

  @Test
  void aDateIsACalendarDateNotATimestampCutToItsFirstTenCharacters() {
    Map<String, Object> values = program(document -> document.set("activities", json("""
        {"rows":[{"name":"Talleres","start":"2021-01-01T06:00:00.000Z","end":"2021-02-30","deliverable":"Listas"}]}""")
        .get("rows")));

    assertThat(check("Task_DraftProgram", values)).extracting(Problem::text).containsExactly(
        "Actividad 1 – Inicio: no es una fecha válida (AAAA-MM-DD): «2021-01-01T06:00:00.000Z»",
        "Actividad 1 – Fin: no es una fecha válida (AAAA-MM-DD): «2021-02-30»");
  }

  /** A draft whose work program is the measured one of 2021 changed by {@code change}. */
  private static Map<String, Object> measured(Consumer<ObjectNode> change) {
    ObjectNode document = WorkProgram.read(Submissions.measuredProgramJson(2021));
    change.accept(document);
    return Submissions.workProgramDocument(document.toString());
  }

  private static ObjectNode row(ObjectNode document, String list, int index) {
    return (ObjectNode) document.path(list).get(index);
  }

  @Test
  void theTechnicalSheetWeightsAndQuarterlyBudgetOfAProgramAreCheckedWithTheirFieldsNamed() {
    assertThat(check("Task_DraftProgram", measured(document -> { }))).isEmpty();
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "activities", 1).put("weight", 20))))
        .containsExactly(new Problem("activities", "Actividades",
            "los pesos de las actividades suman 90; deben sumar 100"));
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "activities", 1).remove("weight"))))
        .containsExactly(new Problem("activities[2].weight", "Actividad 2 – Peso (%)",
            "es obligatorio cuando otras actividades llevan peso; todas llevan uno o ninguna"));
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "indicators", 0)
        .set("targets", json("{\"t\":[10,20,30]}").get("t"))))).containsExactly(new Problem("indicators[1].targets",
            "Indicador 1 – Metas por periodo", "debe traer 4 metas, una por periodo de la frecuencia «trimestral»; trae 3"));
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "indicators", 0)
        .set("targets", json("{\"t\":[10,null,30,40]}").get("t"))))).extracting(Problem::text)
        .containsExactly("Indicador 1 – Meta del periodo 2: es obligatorio");
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "indicators", 1).put("yellowFrom", 95))))
        .extracting(Problem::text)
        .containsExactly("Indicador 2 – Amarillo desde (% de la meta): debe ser menor que «Verde desde» (95 %)");
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "indicators", 1).put("direction", "baja"))))
        .extracting(Problem::text).containsExactly("Indicador 2 – Sentido: valor no válido «baja»");
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "indicators", 1).put("baselineYear", 2022))))
        .extracting(Problem::text)
        .containsExactly("Indicador 2 – Año de la línea base: no puede ser posterior al año del programa (2021)");
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "budgetLines", 1).put("q4", 10000))))
        .containsExactly(new Problem("budgetLines", "Presupuesto autorizado por trimestre",
            "los montos trimestrales suman $410,000.00 y el presupuesto anual es $400,000.00; deben coincidir"));
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "budgetLines", 0).remove("poaCode"))))
        .extracting(Problem::text).containsExactly("Partida 1 – Clave del POA: es obligatorio");
    // Targets per period left blank mean none: the indicator is judged against its annual target.
    assertThat(check("Task_DraftProgram", measured(document -> row(document, "indicators", 0)
        .set("targets", json("{\"t\":[null,null,null,null]}").get("t"))))).isEmpty();
  }

  @Test
  void anAmountIsANumberWithAtMostTwoDecimalsNeverTextReadAsOne() {
    for (String budget : List.of("250,000", "250 000", "$250,000.00", "250000")) {
      assertThat(check("Task_DraftProgram", program(document -> document.put("budget", budget))))
          .extracting(Problem::text)
          .containsExactly("Presupuesto anual (MXN): debe ser un número; se recibió «" + budget + "»");
    }
    assertThat(check("Task_DraftProgram", program(document -> document.put("budget", new BigDecimal("1500.505")))))
        .extracting(Problem::text)
        .containsExactly("Presupuesto anual (MXN): admite como máximo dos decimales; se recibió 1500.505");
    assertThat(check("Task_DraftProgram", program(document -> document.put("budget", -1))))
        .extracting(Problem::text).containsExactly("Presupuesto anual (MXN): no puede ser menor que 0");
    assertThat(check("Task_DraftProgram", program(document -> document.put("budget", new BigDecimal("250000.5")))))
        .isEmpty();
  }

  @Test
  void textOverItsLimitIsRefused() {
    assertThat(check("Task_DraftProgram", program(document -> document.put("goal", "x".repeat(2001)))))
        .extracting(Problem::text).containsExactly("Objetivo específico: excede 2000 caracteres");
    assertThat(check("Task_DraftProgram", program(document -> document.put("goal", " "))))
        .extracting(Problem::text).containsExactly("Objetivo específico: es obligatorio");
    assertThat(check("Task_DraftProgram", program(document -> document.remove("goal"))))
        .containsExactly(new Problem("goal", "Objetivo específico", "es obligatorio"));
  }

  @Test
  void decisionMustBeOneOfTheTasksDecisions() {
    assertThat(check("Task_RuleResults", Map.of("decision", "quizá")))
        .containsExactly(new Problem("decision", "Dictamen", "valor no válido «quizá»; se espera uno de approve,"
            + " observations, nonconforming, return"));
    assertThat(check("Task_RuleResults", Map.of("decision", "nonconforming")))
        .containsExactly(new Problem("comments", "Comentarios", "son obligatorios cuando la decisión es «No conforme»"));
    assertThat(check("Task_AnalyseDeviation", Map.of("decision", "continue"))).isEmpty();
  }

  @Test
  void progressPercentMustBeBetweenZeroAndOneHundred() {
    Map<String, Object> values = new HashMap<>(Submissions.progress(50));
    values.putAll(Submissions.workProgram(2021));
    values.put("activityProgress", Submissions.json("""
        [{"activity":"Diagnóstico de boletas","percent":120},
         {"activity":"Rediseño y prueba con ciudadanía","percent":50}]"""));

    assertThat(check("Task_ReportProgress", values)).extracting(Problem::text)
        .containsExactly("Actividad 1 – % de avance: debe estar entre 0 y 100");
  }

  @Test
  void closingReportNeedsAtLeastOneLessonWithAKnownCategory() {
    Map<String, Object> values = new HashMap<>(Submissions.closingReport());
    values.put("lessons", Submissions.json("[]"));

    assertThat(check("Task_WriteClosingReport", values)).extracting(Problem::text)
        .containsExactly("Lecciones aprendidas: debe tener al menos un renglón");
  }

  @Test
  void listsSentAsJavaCollectionsAreReadLikeJson() {
    Map<String, Object> values = new HashMap<>(Submissions.closingReport());
    values.put("lessons", List.of(Map.of("lesson", "Planear antes.", "category", "planeacion")));

    assertThat(check("Task_WriteClosingReport", values)).isEmpty();
  }

  @Test
  void aListRowCarriesOnlyTheColumnsOfItsForm() {
    Map<String, Object> values = new HashMap<>(Submissions.results());
    values.putAll(Submissions.workProgram(2021));
    values.put("indicatorResults", Submissions.json("[{\"indicator\":\"Votos nulos por error de llenado\","
        + "\"target\":3.6,\"value\":3.4,\"approvedBy\":\"se-head1\"}]"));

    assertThat(check("Task_ReportResults", values)).containsExactly(new Problem("indicatorResults[1].approvedBy",
        "indicatorResults 1", "la columna «approvedBy» no es de este formulario"));
  }

  @Test
  void theWorkProgramCarriesOnlyTheFieldsOfItsSchemaAndNoneOfTheServersOwn() {
    Map<String, Object> values = program(document -> {
      ((ObjectNode) document.get("activities").get(0)).put("approvedBy", "se-head1");
      document.put("approvedBy", "sgce1");
    });
    assertThat(check("Task_DraftProgram", values)).containsExactlyInAnyOrder(
        new Problem("workProgram", "Programa de trabajo", "«approvedBy» no es un campo del programa de trabajo"),
        new Problem("activities[1]", "Actividad 1", "«approvedBy» no es un campo del programa de trabajo"));
    // The version number and schema are the server's: whatever a form sends is replaced, not refused.
    assertThat(check("Task_DraftProgram", program(document -> document.put("version", 99).put("schemaVersion", 7))))
        .isEmpty();
    assertThat(WorkProgram.withServerProperties(json("{\"version\":99,\"schemaVersion\":7,\"goal\":\"g\"}"), 3))
        .hasToString("{\"schemaVersion\":2,\"version\":3,\"goal\":\"g\"}");
    assertThat(WorkProgram.withServerProperties(json("{\"version\":99,\"goal\":\"g\"}"), null))
        .hasToString("{\"schemaVersion\":2,\"goal\":\"g\"}");
  }

  @Test
  void activitiesFallInTheFiscalYearAndEndAfterTheyStart() {
    Map<String, Object> values = program(document -> document.set("activities", json("""
        {"rows":[{"name":"Talleres","start":"2020-12-01","end":"2021-02-01","deliverable":"Listas"},
                 {"name":"Foros","start":"2021-05-01","end":"2021-04-01","deliverable":"Minutas"}]}""").get("rows")));

    assertThat(check("Task_DraftProgram", values)).containsExactly(
        new Problem("activities[1].start", "Actividad 1 – Inicio", "debe caer dentro del año 2021"),
        new Problem("activities[2].end", "Actividad 2 – Fin", "es anterior a «Inicio»"));
  }

  @Test
  void anActivityIsCarriedOutByAnAreaOfTheLine() {
    // Line 1.1: deoeyg responsible, utalaod co-responsible.
    assertThat(check("Task_DraftProgram", program(document -> ((ObjectNode) document.get("activities").get(1))
        .put("area", "utalaod")))).isEmpty();
    assertThat(check("Task_DraftProgram", program(document -> ((ObjectNode) document.get("activities").get(0))
        .put("area", "utvoe")))).containsExactly(new Problem("activities[1].area", "Actividad 1 – Área que la realiza",
            "«utvoe» no es el área responsable ni una corresponsable de la línea; se espera una de deoeyg, utalaod"));
  }

  @Test
  void aWorkProgramThatIsNoDocumentIsRefusedByName() {
    assertThat(check("Task_DraftProgram", Map.of("workProgram", Submissions.json("[1, 2]"))))
        .containsExactly(new Problem("workProgram", "Programa de trabajo", "debe ser un documento JSON (un objeto)"));
    assertThat(check("Task_DraftProgram", Map.of()))
        .containsExactly(new Problem("workProgram", "Programa de trabajo", "es obligatorio"));
  }

  @Test
  void theApplicationDoesNotStartWhenATaskAndItsFormDisagree() {
    UserTaskDeclarations wrong = () -> List.of(
        UserTask.preparation("Task_ApproveProgramHead", DeadlineKind.REVIEW, problems -> { }),
        UserTask.decision("Task_SignTheMinutes", Role.HEAD));

    assertThatThrownBy(() -> new UserTasks(List.of(wrong), ProcessBeans.FORMS))
        .hasMessageContaining("Task_SignTheMinutes has no form sign-the-minutes.form.html")
        .hasMessageContaining("approve-program-head.form.html offers a decision, but Task_ApproveProgramHead is"
            + " done by STAFF")
        .hasMessageContaining("The form draft-program.form.html belongs to no declared task");
  }

  @Test
  void everyDecisionFormWritesTheDecisionAndCommentsAndEveryOtherFormItsOwnFields() {
    assertThat(tasks.all()).hasSize(22).allSatisfy(task -> {
      if (task.decides()) {
        assertThat(task.fields()).containsOnlyKeys("decision", "comments");
      } else {
        assertThat(task.fields()).isNotEmpty().doesNotContainKeys("decision", "comments");
      }
    });
    assertThat(tasks.get("Task_DraftProgram").fields()).containsOnlyKeys("workProgram");
    assertThat(tasks.get("Task_DraftProgram").fields().get("workProgram").type()).isEqualTo(TaskForm.Type.DOCUMENT);
    assertThat(tasks.get("Task_DraftChangeRequest").fields()).containsOnlyKeys("changeReason", "workProgram");
    assertThat(tasks.get("Task_ReportProgress").fields().get("activityProgress").columns())
        .containsExactly("activity", "percent");
  }
}
