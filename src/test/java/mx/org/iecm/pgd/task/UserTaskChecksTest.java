package mx.org.iecm.pgd.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.support.ProcessBeans;
import mx.org.iecm.pgd.support.Submissions;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of each task's completion, as its declaration and its form set them, without an
 * engine.
 */
class UserTaskChecksTest {

  static final BusinessKey CYCLE_2021 = BusinessKey.parse("PGD-2020-2023:1.1:2021");

  final UserTasks tasks = new UserTasks(ProcessBeans.declarations(null), ProcessBeans.FORMS);

  private static Map<String, Object> program(int year) {
    return new HashMap<>(Submissions.workProgram(year));
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
    Map<String, Object> values = program(2021);
    values.put("indicators", Submissions.json(
        "[{\"name\":\"\",\"formula\":\"a/b\",\"unit\":\"%\",\"frequency\":\"diaria\",\"baseline\":\"x\",\"target\":5}]"));

    assertThat(check("Task_DraftProgram", values)).containsExactly(
        new Problem("indicators[1].name", "Indicador 1 – Nombre del indicador", "es obligatorio"),
        new Problem("indicators[1].frequency", "Indicador 1 – Frecuencia de medición", "valor no válido «diaria»"),
        new Problem("indicators[1].baseline", "Indicador 1 – Línea base", "debe ser un número; se recibió «x»"));
  }

  @Test
  void aDateIsACalendarDateNotATimestampCutToItsFirstTenCharacters() {
    Map<String, Object> values = program(2021);
    values.put("activities", Submissions.json("""
        [{"name":"Talleres","start":"2021-01-01T06:00:00.000Z","end":"2021-02-30","deliverable":"Listas"}]"""));

    assertThat(check("Task_DraftProgram", values)).extracting(Problem::text).containsExactly(
        "Actividad 1 – Inicio: no es una fecha válida (AAAA-MM-DD): «2021-01-01T06:00:00.000Z»",
        "Actividad 1 – Fin: no es una fecha válida (AAAA-MM-DD): «2021-02-30»");
  }

  @Test
  void anAmountIsANumberWithAtMostTwoDecimalsNeverTextReadAsOne() {
    for (Object budget : List.of("250,000", "250 000", "$250,000.00")) {
      Map<String, Object> values = program(2021);
      values.put("budget", budget);
      assertThat(check("Task_DraftProgram", values)).extracting(Problem::text)
          .containsExactly("Presupuesto estimado (MXN): debe ser un número; se recibió «" + budget + "»");
    }
    Map<String, Object> values = program(2021);
    values.put("budget", 1500.505);
    assertThat(check("Task_DraftProgram", values)).extracting(Problem::text)
        .containsExactly("Presupuesto estimado (MXN): admite como máximo dos decimales; se recibió 1500.505");
    values.put("budget", 250000.5);
    assertThat(check("Task_DraftProgram", values)).isEmpty();
  }

  @Test
  void textOverItsLimitIsRefused() {
    Map<String, Object> values = program(2021);
    values.put("goal", "x".repeat(2001));

    assertThat(check("Task_DraftProgram", values)).extracting(Problem::text)
        .containsExactly("Objetivo específico: excede 2000 caracteres");
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
    values.put("activityProgress", Submissions.json("[{\"activity\":\"Diagnóstico\",\"percent\":120}]"));

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
    Map<String, Object> values = program(2021);
    values.put("activities", Submissions.json("""
        [{"name":"Talleres","start":"2021-01-01","end":"2021-02-01","deliverable":"Listas","approvedBy":"se-head1"}]"""));

    assertThat(check("Task_DraftProgram", values)).containsExactly(new Problem("activities[1].approvedBy",
        "activities 1", "la columna «approvedBy» no es de este formulario"));
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
    assertThat(tasks.all()).hasSize(20).allSatisfy(task -> {
      if (task.decides()) {
        assertThat(task.fields()).containsOnlyKeys("decision", "comments");
      } else {
        assertThat(task.fields()).isNotEmpty().doesNotContainKeys("decision", "comments");
      }
    });
    assertThat(tasks.get("Task_DraftProgram").fields().get("activities").columns())
        .containsExactly("name", "start", "end", "deliverable");
    assertThat(tasks.get("Task_DraftProgram").fields().get("budget").type()).isEqualTo(TaskForm.Type.NUMBER);
  }
}
