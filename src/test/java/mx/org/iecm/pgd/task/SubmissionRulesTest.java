package mx.org.iecm.pgd.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.support.Submissions;
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
        "«Indicadores, renglón 1, Nombre del indicador» (indicators[1].name): es obligatorio",
        "«Indicadores, renglón 1, Frecuencia de medición» (indicators[1].frequency): valor no válido «diaria»",
        "«Indicadores, renglón 1, Línea base» (indicators[1].baseline): debe ser un número; se recibió «x»");
  }

  @Test
  void textOverItsLimitIsRefused() {
    Map<String, Object> values = program(2021);
    values.put("goal", "x".repeat(2001));

    assertThat(rules.check("Task_DraftProgram", Submission.of(values)))
        .containsExactly("«Objetivo específico» (goal): excede 2000 caracteres");
  }

  @Test
  void decisionMustBeOneOfTheTasksDecisions() {
    assertThat(rules.check("Task_RuleResults", Submission.of(Map.of("decision", "quizá"))))
        .containsExactly("«Decisión» (decision): valor no válido «quizá»; se espera uno de approve, observations,"
            + " nonconforming, return");
    assertThat(rules.check("Task_RuleResults", Submission.of(Map.of("decision", "nonconforming"))))
        .containsExactly("«Comentarios» (comments): son obligatorios cuando la decisión es «No conforme»");
    assertThat(rules.check("Task_AnalyseDeviation", Submission.of(Map.of("decision", "continue")))).isEmpty();
  }

  @Test
  void progressPercentMustBeBetweenZeroAndOneHundred() {
    Map<String, Object> values = new HashMap<>(Submissions.progress(50));
    values.put("activityProgress", Submissions.json("[{\"activity\":\"Diagnóstico\",\"percent\":120}]"));

    assertThat(rules.check("Task_ReportProgress", Submission.of(values)))
        .containsExactly("«Avance por actividad, renglón 1, % de avance» (activityProgress[1].percent): debe estar"
            + " entre 0 y 100");
  }

  @Test
  void closingReportNeedsAtLeastOneLessonWithAKnownCategory() {
    Map<String, Object> values = new HashMap<>(Submissions.closingReport());
    values.put("lessons", Submissions.json("[]"));

    assertThat(rules.check("Task_WriteClosingReport", Submission.of(values)))
        .containsExactly("«Lecciones aprendidas» (lessons): debe tener al menos un renglón");
  }

  @Test
  void listsSentAsJavaCollectionsAreReadLikeJson() {
    Map<String, Object> values = new HashMap<>(Submissions.closingReport());
    values.put("lessons", List.of(Map.of("lesson", "Planear antes.", "category", "planeacion")));

    assertThat(rules.check("Task_WriteClosingReport", Submission.of(values))).isEmpty();
  }
}
