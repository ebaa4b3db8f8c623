package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import mx.org.iecm.pgd.task.Problems;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The work program of a cycle as one document, variable {@value #VARIABLE}: what planning drafts, every
 * approval reads, a program change revises and each report is measured against. Its shape is the JSON
 * Schema {@code program/work-program.schema.json}; the titles there are how fields are named in
 * messages, comparisons and the expediente, so a new field is added to the schema and the forms only.
 *
 * <p>Beyond the schema the server adds what a schema cannot say: dates inside the cycle's fiscal year, an
 * activity that does not end before it starts. Properties the schema marks {@code readOnly} (the schema
 * version and the program version) are the server's and replaced whatever a form sends.
 */
public final class WorkProgram {

  /** The process variable that carries the document through every process of a cycle. */
  public static final String VARIABLE = "workProgram";
  public static final String SCHEMA_VERSION = "schemaVersion";
  public static final String VERSION = "version";
  public static final String ACTIVITIES = "activities";
  public static final String INDICATORS = "indicators";
  /** The column of an activity that names the area carrying it out. */
  public static final String AREA = "area";
  static final int CURRENT_SCHEMA = 2;

  private static final String SCHEMA_RESOURCE = "/program/work-program.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SCHEMA_NODE = readSchema();
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
              .formatAssertionsEnabled(true)
              .pathType(PathType.JSON_POINTER)
              .build()))
      .getSchema(SCHEMA_NODE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Locale MEXICO = Locale.forLanguageTag("es-MX");

  private WorkProgram() {
  }

  /** The document a scope carries; an empty object when there is none. */
  public static ObjectNode of(VariableScope scope) {
    return of(scope::getVariable);
  }

  /** The document among the variables a task's checks see (the process's, not only the submitted fields). */
  public static ObjectNode of(Problems problems) {
    return of(name -> {
      JsonNode value = problems.json(name);
      return value == null || value.isMissingNode() ? null : value;
    });
  }

  /**
   * The document among a process's variables. A cycle started before the program became one document
   * carries its fields as separate variables (goal, activities, indicators, budget, risks,
   * programVersion): they are read as the document they are.
   */
  public static ObjectNode of(Function<String, Object> variables) {
    Object document = variables.apply(VARIABLE);
    if (document != null) {
      return read(document);
    }
    ObjectNode legacy = JSON.createObjectNode();
    for (String field : List.of("goal", ACTIVITIES, INDICATORS, "budget", "risks")) {
      Object value = variables.apply(field);
      if (value instanceof JsonNode node) {
        legacy.set(field, node);
      } else if (value instanceof Number number) {
        legacy.put(field, new BigDecimal(number.toString()));
      } else if (value != null) {
        JsonNode json = ACTIVITIES.equals(field) || INDICATORS.equals(field) ? Submission.toJson(value) : null;
        legacy.set(field, json != null && json.isArray() ? json : JSON.getNodeFactory().textNode(value.toString()));
      }
    }
    if (legacy.isEmpty()) {
      return legacy;
    }
    Object version = variables.apply("programVersion");
    return withServerProperties(legacy, version instanceof Number number ? number.intValue() : null);
  }

  /** A document from a variable value, stored text or JSON; an empty object when it is none. */
  public static ObjectNode read(Object value) {
    JsonNode node = value instanceof String text ? parse(text) : Submission.toJson(value);
    return node != null && node.isObject() ? (ObjectNode) node.deepCopy() : JSON.createObjectNode();
  }

  /** The document as the engine keeps it: a JSON value (stored apart, with no length limit). */
  public static TypedValue value(JsonNode document) {
    return SpinValues.jsonValue(document.toString()).create();
  }

  /** The rows of one list of the document (activities, indicators); empty when absent. */
  public static List<JsonNode> rows(JsonNode document, String list) {
    List<JsonNode> rows = new ArrayList<>();
    JsonNode node = document.path(list);
    if (node.isArray()) {
      node.forEach(rows::add);
    }
    return rows;
  }

  /**
   * The document as the server keeps it: what was sent, with the server's own properties set from the
   * record ({@code version} is the approved version the document is or revises; none in a first draft).
   */
  public static ObjectNode withServerProperties(JsonNode sent, Integer version) {
    ObjectNode document = sent != null && sent.isObject() ? (ObjectNode) sent.deepCopy() : JSON.createObjectNode();
    readOnlyProperties().forEach(document::remove);
    withoutBlankTargets(document);
    ObjectNode ordered = JSON.createObjectNode().put(SCHEMA_VERSION, CURRENT_SCHEMA);
    if (version != null) {
      ordered.put(VERSION, version);
    }
    ordered.setAll(document);
    return ordered;
  }

  /**
   * Checks the document submitted in {@value #VARIABLE}: the schema, then the fiscal year and the areas
   * that carry out activities ({@code areas}: the line's responsible and co-responsible areas). Problems
   * name each field as the form does («Actividad 2 – Fin») with its path inside the document
   * ({@code activities[2].end}).
   */
  public static void check(Problems problems, List<String> areas) {
    JsonNode sent = problems.json(VARIABLE);
    if (sent == null || sent.isMissingNode() || sent.isNull()) {
      problems.add(VARIABLE, title(SCHEMA_NODE), "es obligatorio");
      return;
    }
    if (!sent.isObject()) {
      problems.add(VARIABLE, title(SCHEMA_NODE), "debe ser un documento JSON (un objeto)");
      return;
    }
    ObjectNode document = ((ObjectNode) sent).deepCopy();
    readOnlyProperties().forEach(document::remove);
    withoutBlankTargets(document);
    List<Error> errors = SCHEMA.validate(document);
    for (Error error : errors) {
      NodePath path = error.getInstanceLocation();
      List<Object> elements = elements(path);
      if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
        elements.add(error.getProperty());
      }
      if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
        problems.add(field(elements) , label(elements), "«" + error.getProperty() + "» no es un campo del programa"
            + " de trabajo");
        continue;
      }
      problems.add(field(elements), label(elements), message(error, schemaAt(elements)));
    }
    inFiscalYear(problems, document);
    if (errors.isEmpty()) {
      ProgramSheet.check(problems, document);
    }
    List<JsonNode> activities = rows(document, ACTIVITIES);
    for (int i = 0; i < activities.size(); i++) {
      JsonNode area = activities.get(i).path(AREA);
      if (area.isTextual() && !area.asText().isEmpty() && !areas.contains(area.asText())) {
        List<Object> at = List.of(ACTIVITIES, i, AREA);
        problems.add(field(at), label(at), "«" + area.asText() + "» no es el área responsable ni una"
            + " corresponsable de la línea; se espera una de " + String.join(", ", areas));
      }
    }
  }

  /**
   * The areas named by activities that differ between two versions: added, removed, changed, or moved
   * from one area to another (both areas count).
   */
  public static Set<String> areasTouched(JsonNode before, JsonNode after) {
    Set<String> areas = new TreeSet<>();
    for (String area : areasNamed(before, after)) {
      if (!activitiesOf(before, area).equals(activitiesOf(after, area))) {
        areas.add(area);
      }
    }
    return areas;
  }

  private static Set<String> areasNamed(JsonNode... documents) {
    Set<String> areas = new TreeSet<>();
    for (JsonNode document : documents) {
      rows(document, ACTIVITIES).forEach(row -> {
        if (row.path(AREA).isTextual() && !row.path(AREA).asText().isEmpty()) {
          areas.add(row.path(AREA).asText());
        }
      });
    }
    return areas;
  }

  private static List<JsonNode> activitiesOf(JsonNode document, String area) {
    return rows(document, ACTIVITIES).stream().filter(row -> area.equals(row.path(AREA).asText())).toList();
  }

  /** Activities inside the fiscal year, none ending before it starts (dates the schema found valid). */
  private static void inFiscalYear(Problems problems, JsonNode document) {
    int year = problems.year();
    List<JsonNode> activities = rows(document, ACTIVITIES);
    for (int i = 0; i < activities.size(); i++) {
      LocalDate start = date(activities.get(i).path("start"));
      LocalDate end = date(activities.get(i).path("end"));
      for (String column : List.of("start", "end")) {
        LocalDate date = "start".equals(column) ? start : end;
        if (date != null && date.getYear() != year) {
          List<Object> at = List.of(ACTIVITIES, i, column);
          problems.add(field(at), label(at), "debe caer dentro del año " + year);
        }
      }
      if (start != null && end != null && end.isBefore(start)) {
        List<Object> at = List.of(ACTIVITIES, i, "end");
        problems.add(field(at), label(at), "es anterior a «" + title(schemaAt(List.of(ACTIVITIES, i, "start"))) + "»");
      }
    }
  }

  private static LocalDate date(JsonNode value) {
    try {
      return value.isTextual() ? LocalDate.parse(value.asText(), DateTimeFormatter.ISO_LOCAL_DATE) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One field of a program as a person reads it: «Actividad 2» → «Actividad: …; Inicio: 01/07/2021; …». */
  public record Line(String label, String value) {
  }

  /** The program field by field in the schema's order, each list row on a line of its own. */
  public static List<Line> describe(JsonNode document) {
    List<Line> lines = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> properties = SCHEMA_NODE.path("properties").fields();
        properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode schema = property.getValue();
      if (schema.path("readOnly").asBoolean()) {
        continue;
      }
      JsonNode value = document.path(property.getKey());
      if (isList(schema)) {
        for (int i = 0; i < value.size(); i++) {
          lines.add(new Line(title(schema.path("items")) + " " + (i + 1), summary(value.get(i), schema.path("items"))));
        }
      } else {
        lines.add(new Line(title(schema), display(value, schema)));
      }
    }
    return lines;
  }

  /** One difference between two versions of the program, as a person reads it. */
  public record Change(String field, String label, String before, String after) {
  }

  /**
   * What changed from {@code before} to {@code after}, field by field in the schema's order. Rows of a list
   * are matched by their name: a renamed activity reads as one removed and one added.
   */
  public static List<Change> changes(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> properties = SCHEMA_NODE.path("properties").fields();
        properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      if (property.getValue().path("readOnly").asBoolean()) {
        continue;
      }
      String name = property.getKey();
      JsonNode schema = property.getValue();
      if (isList(schema)) {
        rowChanges(name, schema, before.path(name), after.path(name), changes);
      } else if (!same(before.path(name), after.path(name))) {
        changes.add(new Change(name, title(schema), display(before.path(name), schema),
            display(after.path(name), schema)));
      }
    }
    return changes;
  }

  private static void rowChanges(String list, JsonNode schema, JsonNode before, JsonNode after, List<Change> changes) {
    JsonNode items = schema.path("items");
    String key = items.path("required").path(0).asText("name");
    Map<String, Integer> beforeByKey = new LinkedHashMap<>();
    for (int i = 0; i < before.size(); i++) {
      beforeByKey.putIfAbsent(before.get(i).path(key).asText(), i);
    }
    List<String> matched = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      JsonNode row = after.get(i);
      String rowLabel = title(items) + " " + (i + 1);
      Integer was = beforeByKey.get(row.path(key).asText());
      if (was == null || matched.contains(row.path(key).asText())) {
        changes.add(new Change(list + "[" + (i + 1) + "]", rowLabel, "—", "Agregado: " + summary(row, items)));
        continue;
      }
      matched.add(row.path(key).asText());
      JsonNode old = before.get(was);
      for (Iterator<Map.Entry<String, JsonNode>> columns = items.path("properties").fields(); columns.hasNext(); ) {
        Map.Entry<String, JsonNode> column = columns.next();
        if (!same(old.path(column.getKey()), row.path(column.getKey()))) {
          changes.add(new Change(list + "[" + (i + 1) + "]." + column.getKey(),
              rowLabel + " – " + title(column.getValue()),
              display(old.path(column.getKey()), column.getValue()),
              display(row.path(column.getKey()), column.getValue())));
        }
      }
    }
    for (Map.Entry<String, Integer> row : beforeByKey.entrySet()) {
      if (!matched.contains(row.getKey())) {
        changes.add(new Change(list + "[" + (row.getValue() + 1) + "]", title(items) + " " + (row.getValue() + 1)
            + " de la versión anterior", "Eliminado: " + summary(before.get(row.getValue()), items), "—"));
      }
    }
  }

  /**
   * Targets per period left all blank in a form mean none: the indicator is judged against its annual
   * target. (Some blank and some not is still refused: each period needs its target.)
   */
  private static void withoutBlankTargets(ObjectNode document) {
    for (JsonNode indicator : rows(document, INDICATORS)) {
      JsonNode targets = indicator.path("targets");
      if (indicator.isObject() && targets.isArray()) {
        boolean blank = true;
        for (JsonNode target : targets) {
          blank &= target.isNull();
        }
        if (blank) {
          ((ObjectNode) indicator).remove("targets");
        }
      }
    }
  }

  /** Whether a property of the schema is a list («array», or «array» or null). */
  private static boolean isList(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode each : type) {
        if ("array".equals(each.asText())) {
          return true;
        }
      }
      return false;
    }
    return "array".equals(type.asText());
  }

  private static String summary(JsonNode row, JsonNode items) {
    List<String> parts = new ArrayList<>();
    items.path("properties").fields().forEachRemaining(column -> {
      JsonNode value = row.path(column.getKey());
      if (!value.isMissingNode() && !value.isNull()) {
        parts.add(title(column.getValue()) + ": " + display(value, column.getValue()));
      }
    });
    return String.join("; ", parts);
  }

  private static boolean same(JsonNode a, JsonNode b) {
    boolean absentA = a.isMissingNode() || a.isNull() || (a.isTextual() && a.asText().isEmpty());
    boolean absentB = b.isMissingNode() || b.isNull() || (b.isTextual() && b.asText().isEmpty());
    if (absentA || absentB) {
      return absentA == absentB;
    }
    BigDecimal numberA = number(a);
    BigDecimal numberB = number(b);
    if (numberA != null && numberB != null && (a.isNumber() || b.isNumber())) {
      return numberA.compareTo(numberB) == 0;
    }
    return a.equals(b);
  }

  private static BigDecimal number(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    try {
      return new BigDecimal(node.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A value as a person reads it in Mexico: dates as 31/03/2021, money as $250,000.00, numbers with
   * thousands separators, texts as written.
   */
  private static String display(JsonNode value, JsonNode schema) {
    if (value == null || value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
      return "—";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(display(item, schema.path("items"))));
      return String.join(" · ", items);
    }
    if ("date".equals(schema.path("format").asText())) {
      try {
        return LocalDate.parse(value.asText()).format(DAY);
      } catch (DateTimeParseException e) {
        return value.asText();
      }
    }
    BigDecimal number = number(value);
    if (number != null && (value.isNumber() || schema.path("type").asText().equals("number"))) {
      if (schema.has("multipleOf") && new BigDecimal("0.01").compareTo(schema.path("multipleOf").decimalValue()) == 0) {
        return NumberFormat.getCurrencyInstance(MEXICO).format(number);
      }
      NumberFormat format = NumberFormat.getNumberInstance(MEXICO);
      format.setMaximumFractionDigits(4);
      return format.format(number);
    }
    return value.asText();
  }

  private static List<Object> elements(NodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  /** activities, 1, start → activities[2].start (rows counted from 1, as the forms do). */
  static String field(List<Object> elements) {
    if (elements.isEmpty()) {
      return VARIABLE;
    }
    StringBuilder field = new StringBuilder();
    for (Object element : elements) {
      if (element instanceof Integer index) {
        field.append('[').append(index + 1).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(element);
      }
    }
    return field.toString();
  }

  /** activities, 1, start → «Actividad 2 – Inicio». */
  static String label(List<Object> elements) {
    if (elements.isEmpty()) {
      return title(SCHEMA_NODE);
    }
    List<String> parts = new ArrayList<>();
    JsonNode schema = SCHEMA_NODE;
    for (Object element : elements) {
      if (element instanceof Integer index) {
        schema = schema.path("items");
        parts.set(parts.size() - 1, title(schema) + " " + (index + 1));
      } else {
        schema = schema.path("properties").path(element.toString());
        parts.add(schema.isMissingNode() ? element.toString() : title(schema));
      }
    }
    return String.join(" – ", parts);
  }

  private static JsonNode schemaAt(List<Object> elements) {
    JsonNode schema = SCHEMA_NODE;
    for (Object element : elements) {
      schema = element instanceof Integer ? schema.path("items") : schema.path("properties").path(element.toString());
    }
    return schema;
  }

  private static String title(JsonNode schema) {
    return schema.path("title").asText("");
  }

  private static String message(Error error, JsonNode schema) {
    JsonNode value = error.getInstanceNode() == null ? MissingNode.getInstance() : error.getInstanceNode();
    boolean blank = value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank());
    return switch (error.getKeyword()) {
      case "required" -> "es obligatorio";
      case "minLength", "pattern" -> blank ? "es obligatorio" : "no tiene el formato esperado";
      case "maxLength" -> "excede " + schema.path("maxLength").asInt() + " caracteres";
      case "type" -> blank ? "es obligatorio" : "debe ser " + typeName(schema.path("type")) + "; se recibió «"
          + shortText(value) + "»";
      case "format" -> "no es una fecha válida (AAAA-MM-DD): «" + shortText(value) + "»";
      case "enum", "const" -> "valor no válido «" + shortText(value) + "»";
      case "minimum" -> "no puede ser menor que " + schema.path("minimum").decimalValue().toPlainString();
      case "maximum" -> "no puede ser mayor que " + schema.path("maximum").decimalValue().toPlainString();
      case "multipleOf" -> "admite como máximo dos decimales; se recibió " + shortText(value);
      case "minItems" -> schema.path("minItems").asInt() == 1 ? "debe tener al menos un renglón"
          : "debe tener al menos " + schema.path("minItems").asInt() + " renglones";
      case "maxItems" -> "excede " + schema.path("maxItems").asInt() + " renglones";
      default -> "no cumple la regla «" + error.getKeyword() + "» del programa de trabajo";
    };
  }

  private static String typeName(JsonNode type) {
    String first = type.isArray() ? type.path(0).asText() : type.asText();
    return switch (first) {
      case "string" -> "texto";
      case "number" -> "un número";
      case "integer" -> "un número entero";
      case "array" -> "una lista";
      case "object" -> "un renglón con columnas";
      default -> first;
    };
  }

  private static String shortText(JsonNode value) {
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static List<String> readOnlyProperties() {
    List<String> names = new ArrayList<>();
    SCHEMA_NODE.path("properties").fields().forEachRemaining(property -> {
      if (property.getValue().path("readOnly").asBoolean()) {
        names.add(property.getKey());
      }
    });
    return names;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static JsonNode readSchema() {
    try (InputStream in = Objects.requireNonNull(WorkProgram.class.getResourceAsStream(SCHEMA_RESOURCE),
        SCHEMA_RESOURCE)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + SCHEMA_RESOURCE, e);
    }
  }

  /** The title the schema gives a path of the document («Indicador 2 – Metas por periodo»). */
  static String labelOf(List<Object> elements) {
    return label(elements);
  }

  /** Rows of a list as a JSON array (for report rows built from the program). */
  static ArrayNode array() {
    return JSON.createArrayNode();
  }
}
