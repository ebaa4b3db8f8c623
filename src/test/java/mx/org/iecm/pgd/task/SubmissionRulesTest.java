package mx.org.iecm.pgd.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.support.TaskForm;
import org.junit.jupiter.api.Test;

class SubmissionRulesTest {

  final SubmissionRules rules = new SubmissionRules();

  private static Map<String, Object> program(int year) {
    Map<String, Object> values = new HashMap<>(Submissions.workProgram(year));
    values.put("year", year);
    return values;
  }

  @Test
  void validWorkProgramHasNoProblems() {
    assertThat(rules.check("Task_DraftProgram", Submission.of(program(2021)))).isEmpty();
  }

  @Test
  void workProgramListsAreCheckedRowByRow() {
    Map<String, Object> values = program(2021);
    values.put("indicators", Submissions.json(
        "[{\"name\":\"\",\"formula\":\"a/b\",\"unit\":\"%\",\"frequency\":\"diaria\",\"baseline\":\"x\",\"target\":5}]"));

    assertThat(rules.check("Task_DraftProgram", Submission.of(values))).containsExactly(
        new Problem("indicators[1].name", "Indicador 1 – Nombre del indicador", "es obligatorio"),
        new Problem("indicators[1].frequency", "Indicador 1 – Frecuencia de medición", "valor no válido «diaria»"),
        new Problem("indicators[1].baseline", "Indicador 1 – Línea base", "debe ser un número; se recibió «x»"));
  }

  @Test
  void aDateIsACalendarDateNotATimestampCutToItsFirstTenCharacters() {
    Map<String, Object> values = program(2021);
    values.put("activities", Submissions.json("""
        [{"name":"Talleres","start":"2021-01-01T06:00:00.000Z","end":"2021-02-30","deliverable":"Listas"}]"""));

    assertThat(rules.check("Task_DraftProgram", Submission.of(values))).extracting(Problem::text).containsExactly(
        "Actividad 1 – Inicio: no es una fecha válida (AAAA-MM-DD): «2021-01-01T06:00:00.000Z»",
        "Actividad 1 – Fin: no es una fecha válida (AAAA-MM-DD): «2021-02-30»");
  }

  @Test
  void anAmountIsANumberWithAtMostTwoDecimalsNeverTextReadAsOne() {
    for (Object budget : List.of("250,000", "250 000", "$250,000.00")) {
      Map<String, Object> values = program(2021);
      values.put("budget", budget);
      assertThat(rules.check("Task_DraftProgram", Submission.of(values))).extracting(Problem::text)
          .containsExactly("Presupuesto estimado (MXN): debe ser un número; se recibió «" + budget + "»");
    }
    Map<String, Object> values = program(2021);
    values.put("budget", 1500.505);
    assertThat(rules.check("Task_DraftProgram", Submission.of(values))).extracting(Problem::text)
        .containsExactly("Presupuesto estimado (MXN): admite como máximo dos decimales; se recibió 1500.505");
    values.put("budget", 250000.5);
    assertThat(rules.check("Task_DraftProgram", Submission.of(values))).isEmpty();
  }

  @Test
  void textOverItsLimitIsRefused() {
    Map<String, Object> values = program(2021);
    values.put("goal", "x".repeat(2001));

    assertThat(rules.check("Task_DraftProgram", Submission.of(values))).extracting(Problem::text)
        .containsExactly("Objetivo específico: excede 2000 caracteres");
  }

  @Test
  void decisionMustBeOneOfTheTasksDecisions() {
    assertThat(rules.check("Task_RuleResults", Submission.of(Map.of("decision", "quizá"))))
        .containsExactly(new Problem("decision", "Decisión", "valor no válido «quizá»; se espera uno de approve,"
            + " observations, nonconforming, return"));
    assertThat(rules.check("Task_RuleResults", Submission.of(Map.of("decision", "nonconforming"))))
        .containsExactly(new Problem("comments", "Comentarios", "son obligatorios cuando la decisión es «No conforme»"));
    assertThat(rules.check("Task_AnalyseDeviation", Submission.of(Map.of("decision", "continue")))).isEmpty();
  }

  @Test
  void progressPercentMustBeBetweenZeroAndOneHundred() {
    Map<String, Object> values = new HashMap<>(Submissions.progress(50));
    values.put("activityProgress", Submissions.json("[{\"activity\":\"Diagnóstico\",\"percent\":120}]"));

    assertThat(rules.check("Task_ReportProgress", Submission.of(values))).extracting(Problem::text)
        .containsExactly("Actividad 1 – % de avance: debe estar entre 0 y 100");
  }

  @Test
  void closingReportNeedsAtLeastOneLessonWithAKnownCategory() {
    Map<String, Object> values = new HashMap<>(Submissions.closingReport());
    values.put("lessons", Submissions.json("[]"));

    assertThat(rules.check("Task_WriteClosingReport", Submission.of(values))).extracting(Problem::text)
        .containsExactly("Lecciones aprendidas: debe tener al menos un renglón");
  }

  @Test
  void listsSentAsJavaCollectionsAreReadLikeJson() {
    Map<String, Object> values = new HashMap<>(Submissions.closingReport());
    values.put("lessons", List.of(Map.of("lesson", "Planear antes.", "category", "planeacion")));

    assertThat(rules.check("Task_WriteClosingReport", Submission.of(values))).isEmpty();
  }

  @Test
  void eachTaskFormWritesExactlyWhatItsTaskIsCheckedFor() {
    Map<String, TaskForm> forms = TaskForm.readAll(Path.of("forms"));
    SubmissionRules.FORM_FIELDS.forEach((task, fields) -> assertThat(forms.get(TaskForm.fileOf(task)).writes())
        .as("fields of the form of %s", task).containsOnlyKeys(fields));
    SubmissionRules.DECISION_TASKS.keySet().forEach(task -> assertThat(forms.get(TaskForm.fileOf(task)).writes())
        .as("fields of the form of %s", task).containsOnlyKeys("decision", "comments"));
    assertThat(SubmissionRules.FORM_FIELDS.size() + SubmissionRules.DECISION_TASKS.size()).isEqualTo(forms.size());
    assertThat(forms.get("draft-program.form.html").writes()).containsEntry("budget", "Double")
        .containsEntry("activities", "Json");
  }
}
