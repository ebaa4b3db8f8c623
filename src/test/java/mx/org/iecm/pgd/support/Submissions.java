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

  /**
   * A work program with its measurement filed as the institute files it: weighted activities (70/30), an
   * ascending quarterly indicator with a target per quarter, a descending one (less is better) with its
   * own thresholds, and the budget authorised per quarter on two expense items.
   */
  public static String measuredProgramJson(int year) {
    return """
        {"goal":"Reducir en 20 %% los votos nulos por errores de llenado de la boleta.",
         "activities":[
           {"name":"Diagnóstico de boletas","start":"%1$d-01-01","end":"%1$d-06-30","deliverable":"Informe de diagnóstico","weight":70},
           {"name":"Rediseño y prueba con ciudadanía","start":"%1$d-07-01","end":"%1$d-12-31","deliverable":"Boleta rediseñada","weight":30}],
         "indicators":[
           {"name":"Casillas con boleta de prueba","level":"componente","dimension":"eficacia","kind":"de gestión",
            "direction":"ascendente","formula":"casillas con prueba","variables":"casillas: casillas con boleta de prueba",
            "unit":"casillas","frequency":"trimestral","baseline":0,"baselineYear":%2$d,"target":40,"targets":[10,20,30,40],
            "verification":"Actas de prueba","source":"DEOEyG","assumptions":"Se aprueba el presupuesto",
            "responsible":"Subdirección de Documentación Electoral"},
           {"name":"Votos nulos por error de llenado","level":"propósito","dimension":"calidad","kind":"estratégico",
            "direction":"descendente","formula":"nulos / emitidos * 100","unit":"%%","frequency":"trimestral",
            "baseline":4.5,"baselineYear":%2$d,"target":3.6,"targets":[4.4,4.2,4.0,3.6],"greenFrom":95,"yellowFrom":80}],
         "budget":400000,
         "budgetLines":[
           {"item":"Impresión de boletas de prueba","poaCode":"POA-DEOEYG-07","q1":100000,"q2":100000,"q3":50000,"q4":50000},
           {"item":"Talleres con ciudadanía","poaCode":"POA-DEOEYG-08","q1":0,"q2":50000,"q3":50000,"q4":0}],
         "risks":"Retraso en la aprobación del diseño por el Consejo General."}""".formatted(year, year - 1);
  }

  /**
   * A progress report on {@link #measuredProgramJson}: the two activities at {@code diagnosis} and
   * {@code redesign} percent, the quarter's indicator values (the targets of quarter {@code quarter}) and what
   * each expense item has spent so far.
   */
  public static Map<String, Object> measuredProgress(int quarter, int diagnosis, int redesign, double tested,
      double nullVotes, double printingSpent, double workshopsSpent) {
    double[] tests = {10, 20, 30, 40};
    double[] nulls = {4.4, 4.2, 4.0, 3.6};
    double[][] authorised = {{100000, 0}, {200000, 50000}, {250000, 100000}, {300000, 100000}};
    Map<String, Object> values = new HashMap<>();
    values.put("activityProgress", json("""
        [{"activity":"Diagnóstico de boletas","percent":%d},
         {"activity":"Rediseño y prueba con ciudadanía","percent":%d}]""".formatted(diagnosis, redesign)));
    values.put("indicatorValues", json("""
        [{"indicator":"Casillas con boleta de prueba","target":%s,"value":%s},
         {"indicator":"Votos nulos por error de llenado","target":%s,"value":%s}]"""
        .formatted(tests[quarter - 1], tested, nulls[quarter - 1], nullVotes)));
    values.put("budgetSpent", json("""
        [{"item":"Impresión de boletas de prueba","authorised":%s,"spent":%s},
         {"item":"Talleres con ciudadanía","authorised":%s,"spent":%s}]"""
        .formatted(authorised[quarter - 1][0], printingSpent, authorised[quarter - 1][1], workshopsSpent)));
    values.put("evidenceLinks", "https://intranet.iecm.mx/evidencias/boletas-avance.pdf");
    values.put("problems", "Sin problemas relevantes.");
    return values;
  }

  /** A report on {@link #measuredProgramJson} on schedule in {@code quarter}: no deviation of any kind. */
  public static Map<String, Object> measuredOnSchedule(int quarter) {
    return switch (quarter) {
      case 1 -> measuredProgress(1, 50, 0, 10, 4.4, 100000, 0);
      case 2 -> measuredProgress(2, 100, 0, 20, 4.2, 200000, 50000);
      case 3 -> measuredProgress(3, 100, 50, 30, 4.0, 250000, 100000);
      default -> measuredProgress(4, 100, 100, 40, 3.6, 300000, 100000);
    };
  }

  /** The year's results on {@link #measuredProgramJson}: both indicators at their annual targets. */
  public static Map<String, Object> measuredResults() {
    return Map.of(
        "indicatorResults", json("""
            [{"indicator":"Casillas con boleta de prueba","target":40,"value":40},
             {"indicator":"Votos nulos por error de llenado","target":3.6,"value":3.5}]"""),
        "resultsSummary", "Ambas metas se cumplieron: 40 casillas con boleta de prueba y 3.5 % de votos nulos.",
        "evidenceLinks", "https://intranet.iecm.mx/evidencias/resultados.pdf");
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
