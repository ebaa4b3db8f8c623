package mx.org.iecm.pgd.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.org.iecm.pgd.support.Submissions;
import org.junit.jupiter.api.Test;

/** Versions of a work program compared and read as a person reads them, from the schema alone. */
class WorkProgramTest {

  private static ObjectNode version1() {
    return WorkProgram.withServerProperties(WorkProgram.read(Submissions.workProgramJson(2021)), 1);
  }

  @Test
  void twoVersionsDifferFieldByFieldAndRowsAreMatchedByName() {
    ObjectNode version2 = version1().put("budget", 310000.5).put("version", 2);
    ((ObjectNode) version2.get("activities").get(1)).put("end", "2021-12-31");
    version2.withArray("activities").remove(0);
    version2.withArray("activities").addObject().put("name", "Campaña").put("start", "2021-08-01")
        .put("end", "2021-09-30").put("deliverable", "Carteles");

    assertThat(WorkProgram.changes(version1(), version2))
        .extracting(WorkProgram.Change::field, WorkProgram.Change::label, WorkProgram.Change::before,
            WorkProgram.Change::after)
        .containsExactly(
            tuple("activities[1].end", "Actividad 1 – Fin", "15/12/2021", "31/12/2021"),
            tuple("activities[2]", "Actividad 2", "—",
                "Agregado: Actividad: Campaña; Inicio: 01/08/2021; Fin: 30/09/2021; Entregable: Carteles"),
            tuple("activities[1]", "Actividad 1 de la versión anterior",
                "Eliminado: Actividad: Diagnóstico de boletas; Inicio: 15/01/2021; Fin: 30/06/2021; Entregable:"
                    + " Informe de diagnóstico", "—"),
            tuple("budget", "Presupuesto anual (MXN)", "$250,000.00", "$310,000.50"));
  }

  @Test
  void aChangeTouchesTheAreasWhoseActivitiesItAddsRemovesOrAlters() {
    ObjectNode shared = version1();
    ((ObjectNode) shared.get("activities").get(1)).put("area", "utalaod");
    ObjectNode datesOfTheOther = shared.deepCopy();
    ((ObjectNode) datesOfTheOther.get("activities").get(0)).put("end", "2021-07-31");
    ObjectNode sharedOneLater = shared.deepCopy();
    ((ObjectNode) sharedOneLater.get("activities").get(1)).put("end", "2021-12-31");
    ObjectNode movedToAnother = shared.deepCopy();
    ((ObjectNode) movedToAnother.get("activities").get(1)).put("area", "utvoe");
    ObjectNode newShared = shared.deepCopy();
    newShared.withArray("activities").addObject().put("name", "Foro").put("area", "utvoe");

    assertThat(WorkProgram.areasTouched(shared, datesOfTheOther)).isEmpty();
    assertThat(WorkProgram.areasTouched(shared, sharedOneLater)).containsExactly("utalaod");
    assertThat(WorkProgram.areasTouched(shared, movedToAnother)).containsExactly("utalaod", "utvoe");
    assertThat(WorkProgram.areasTouched(shared, newShared)).containsExactly("utvoe");
  }

  @Test
  void theSameProgramHasNoChangesWhateverItsVersionNumberOrNumberNotation() {
    ObjectNode same = version1().put("version", 5).put("budget", 250000.00);

    assertThat(WorkProgram.changes(version1(), same)).isEmpty();
  }

  @Test
  void aCycleStartedBeforeTheDocumentIsReadFromItsSeparateVariables() {
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("goal", "Reducir votos nulos.");
    variables.put("activities", Submissions.json(
        "[{\"name\":\"Diagnóstico\",\"start\":\"2021-01-15\",\"end\":\"2021-06-30\",\"deliverable\":\"Informe\"}]"));
    variables.put("budget", 250000.0);
    variables.put("programVersion", 2);

    ObjectNode document = WorkProgram.of(variables::get);

    assertThat(document.path("version").asInt()).isEqualTo(2);
    assertThat(document.path("goal").asText()).isEqualTo("Reducir votos nulos.");
    assertThat(WorkProgram.rows(document, WorkProgram.ACTIVITIES)).singleElement()
        .satisfies(activity -> assertThat(activity.path("name").asText()).isEqualTo("Diagnóstico"));
    assertThat(document.path("budget").decimalValue()).isEqualByComparingTo("250000");
    variables.put("workProgram", Submissions.json("{\"goal\":\"El documento manda\"}"));
    assertThat(WorkProgram.of(variables::get).path("goal").asText()).isEqualTo("El documento manda");
    assertThat(WorkProgram.of(name -> null)).isEmpty();
  }

  @Test
  void aProgramReadsFieldByFieldInTheSchemasOrder() {
    assertThat(WorkProgram.describe(version1())).extracting(WorkProgram.Line::label).containsExactly(
        "Objetivo específico", "Actividad 1", "Actividad 2", "Indicador 1", "Presupuesto anual (MXN)", "Riesgos");
    assertThat(WorkProgram.describe(WorkProgram.read("{}"))).extracting(WorkProgram.Line::value)
        .containsExactly("—", "—", "—");
  }
}
