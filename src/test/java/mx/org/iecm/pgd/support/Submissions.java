package mx.org.iecm.pgd.support;

import java.util.HashMap;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Named form submissions, as Tasklist sends them (lists as JSON values).
 */
public final class Submissions {

  private Submissions() {
  }

  public static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  /** A complete, valid work program for the year: two activities and one quarterly indicator. */
  public static String workProgramJson(int year) {
    return """
        {"goal":"Reducir en 20 %% los votos nulos por errores de llenado de la boleta.",
         "activities":[
           {"name":"Diagnóstico de boletas","start":"%1$d-01-15","end":"%1$d-06-30","deliverable":"Informe de diagnóstico"},
           {"name":"Rediseño y prueba con ciudadanía","start":"%1$d-07-01","end":"%1$d-12-15","deliverable":"Boleta rediseñada"}],
         "indicators":[{"name":"Votos nulos por error de llenado","formula":"nulos / emitidos * 100","unit":"%%",
           "frequency":"trimestral","baseline":4.5,"target":3.6}],
         "budget":250000,
         "risks":"Retraso en la aprobación del diseño por el Consejo General."}""".formatted(year);
  }

  /** The submission of a draft with {@link #workProgramJson}. */
  public static Map<String, Object> workProgram(int year) {
    Map<String, Object> values = new HashMap<>();
    values.put("workProgram", json(workProgramJson(year)));
    return values;
  }

  /** The submission of a draft with the given work program document. */
  public static Map<String, Object> workProgramDocument(String document) {
    Map<String, Object> values = new HashMap<>();
    values.put("workProgram", json(document));
    return values;
  }

  public static Map<String, Object> approve() {
    return decision("approve", null);
  }

  public static Map<String, Object> returned(String comments) {
    return decision("return", comments);
  }

  public static Map<String, Object> decision(String decision, String comments) {
    Map<String, Object> values = new HashMap<>();
    values.put("decision", decision);
    if (comments != null) {
      values.put("comments", comments);
    }
    return values;
  }

  /** A progress report with every activity at {@code percent}. */
  public static Map<String, Object> progress(int percent) {
    return Map.of(
        "activityProgress", json("""
            [{"activity":"Diagnóstico de boletas","percent":%1$d},
             {"activity":"Rediseño y prueba con ciudadanía","percent":%1$d}]""".formatted(percent)),
        "indicatorValues", json("[{\"indicator\":\"Votos nulos por error de llenado\",\"target\":3.6,\"value\":4.1}]"),
        "evidenceLinks", "https://intranet.iecm.mx/evidencias/boletas-avance.pdf",
        "problems", "Sin problemas relevantes.");
  }

  public static Map<String, Object> results() {
    return Map.of(
        "indicatorResults", json("[{\"indicator\":\"Votos nulos por error de llenado\",\"target\":3.6,\"value\":3.4}]"),
        "resultsSummary", "La meta se superó: 3.4 % de votos nulos por error de llenado.",
        "evidenceLinks", "https://intranet.iecm.mx/evidencias/resultados.pdf");
  }

  public static Map<String, Object> closingReport() {
    return Map.of(
        "closingReport", "El rediseño de la boleta se aprobó y se usó en la elección; se cumplió la meta.",
        "lessons", json("""
            [{"lesson":"Probar la boleta con personas usuarias antes de su aprobación reduce correcciones tardías.",
              "category":"planeacion"},
             {"lesson":"La coordinación temprana con logística evita retrasos de impresión.","category":"coordinacion"}]
            """));
  }

  public static Map<String, Object> rootCause() {
    return Map.of(
        "rootCause", "La licitación de impresión se retrasó dos meses.",
        "actionPlan", json("[{\"action\":\"Adelantar la licitación\",\"responsible\":\"DEOEyG\",\"dueDate\":\"2021-09-30\"}]"));
  }

  public static Map<String, Object> implementation() {
    return Map.of(
        "implementationReport", "Se adelantó la licitación y se firmó el contrato.",
        "evidenceLinks", "https://intranet.iecm.mx/evidencias/contrato.pdf");
  }
}
