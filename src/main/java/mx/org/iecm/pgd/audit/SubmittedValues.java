package mx.org.iecm.pgd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.org.iecm.pgd.closure.LessonsLearned;
import mx.org.iecm.pgd.planning.WorkProgram;

/**
 * What a task's form sent, as the expediente shows it to a person: each field by its name in the form,
 * list rows one after another, numbers and dates as Mexico writes them, categories by name. The work
 * program is read through its schema. The decision and comments have columns of their own.
 */
final class SubmittedValues {

  /** The fields of the task forms (forms/*.form.html) by the name their form gives them. */
  static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("changeReason", "Justificación de la modificación"),
      Map.entry("activityProgress", "Avance por actividad"),
      Map.entry("indicatorValues", "Valores de los indicadores"),
      Map.entry("evidenceLinks", "Enlaces a evidencias"),
      Map.entry("problems", "Problemas encontrados"),
      Map.entry("indicatorResults", "Resultados por indicador"),
      Map.entry("resultsSummary", "Resumen de resultados"),
      Map.entry("closingReport", "Informe de cierre"),
      Map.entry("lessons", "Lecciones aprendidas"),
      Map.entry("rootCause", "Causa raíz"),
      Map.entry("actionPlan", "Plan de acción"),
      Map.entry("implementationReport", "Informe de implementación"));
  /** The columns of the forms' lists. */
  static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("activity", "Actividad"),
      Map.entry("percent", "% de avance"),
      Map.entry("indicator", "Indicador"),
      Map.entry("target", "Meta"),
      Map.entry("value", "Valor"),
      Map.entry("lesson", "Lección"),
      Map.entry("category", "Categoría"),
      Map.entry("action", "Acción"),
      Map.entry("responsible", "Responsable"),
      Map.entry("dueDate", "Fecha compromiso"));
  private static final List<String> NOT_VALUES = List.of("decision", "comments");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Locale MEXICO = Locale.forLanguageTag("es-MX");

  private SubmittedValues() {
  }

  /** The values of one submission, field by field; empty when it sent none besides a decision. */
  static List<WorkProgram.Line> of(JsonNode values) {
    List<WorkProgram.Line> lines = new ArrayList<>();
    if (values == null || !values.isObject()) {
      return lines;
    }
    values.fields().forEachRemaining(field -> {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (NOT_VALUES.contains(name)) {
        return;
      }
      if (WorkProgram.VARIABLE.equals(name)) {
        WorkProgram.describe(value).forEach(line -> lines.add(
            new WorkProgram.Line("Programa de trabajo – " + line.label(), line.value())));
        return;
      }
      String label = FIELDS.getOrDefault(name, name);
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          lines.add(new WorkProgram.Line(label + " " + (i + 1), row(value.get(i))));
        }
      } else {
        lines.add(new WorkProgram.Line(label, text(name, value)));
      }
    });
    return lines;
  }

  private static String row(JsonNode row) {
    List<String> cells = new ArrayList<>();
    row.fields().forEachRemaining(cell -> cells.add(COLUMNS.getOrDefault(cell.getKey(), cell.getKey()) + ": "
        + text(cell.getKey(), cell.getValue())));
    return String.join("; ", cells);
  }

  /** One value as a person reads it. */
  static String text(String name, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode() || value.asText().isEmpty()) {
      return "—";
    }
    if ("category".equals(name)) {
      return LessonsLearned.categoryLabel(value.asText());
    }
    if (value.isNumber()) {
      NumberFormat format = NumberFormat.getNumberInstance(MEXICO);
      format.setMaximumFractionDigits(4);
      String number = format.format(new BigDecimal(value.asText()));
      return "percent".equals(name) ? number + " %" : number;
    }
    String text = value.asText();
    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return LocalDate.parse(text).format(DAY);
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }
}
