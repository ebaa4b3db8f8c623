package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mx.org.iecm.pgd.cycle.BusinessKey;

/**
 * Collects what is wrong with a submission, each problem naming the field as the form shows it
 * («Objetivo específico», «Actividad 1 – Inicio») and, apart, the variable it came in. The rules of each
 * task (its declaration's checks) are written with it.
 */
public final class Problems {

  /** Amounts of money: at most two decimals (centavos). */
  static final int MONEY_SCALE = 2;

  private final List<Problem> problems = new ArrayList<>();
  private final Submission submission;
  private final BusinessKey cycle;

  Problems(Submission submission, BusinessKey cycle) {
    this.submission = submission;
    this.cycle = cycle;
  }

  List<Problem> list() {
    return problems;
  }

  /** The cycle of the task, from the business key (never from a variable a completion could send). */
  public BusinessKey cycle() {
    return cycle;
  }

  /** The fiscal year of the cycle. */
  public int year() {
    return cycle.year();
  }

  /** A submitted value as text ({@code null} when absent). */
  public String value(String field) {
    return submission.text(field);
  }

  /** A submitted or recorded value as JSON (a missing node when absent). */
  public JsonNode json(String field) {
    return submission.json(field);
  }

  public void add(String field, String label, String problem) {
    problems.add(new Problem(field, label, problem));
  }

  public void requiredText(String field, String label, int maxLength) {
    String value = submission.text(field);
    if (value == null || value.isBlank()) {
      add(field, label, "es obligatorio");
    } else if (value.length() > maxLength) {
      add(field, label, "excede " + maxLength + " caracteres");
    }
  }

  public void optionalText(String field, String label, int maxLength) {
    String value = submission.text(field);
    if (value != null && value.length() > maxLength) {
      add(field, label, "excede " + maxLength + " caracteres");
    }
  }

  /** One link per line, each an absolute http(s) address. */
  public void links(String field, String label) {
    String value = submission.text(field);
    if (value == null) {
      return;
    }
    optionalText(field, label, 4000);
    int line = 0;
    for (String link : value.split("\\R")) {
      line++;
      if (link.isBlank()) {
        continue;
      }
      if (!isWebLink(link.strip())) {
        add(field, label, "el renglón " + line + " no es una liga http(s) válida");
      }
    }
  }

  /** An amount of money: a number (never text to be read as one) with at most two decimals. */
  public void requiredAmount(String field, String label, BigDecimal min, BigDecimal max) {
    BigDecimal number = number(submission.raw(field));
    if (submission.raw(field) == null || (submission.raw(field) instanceof String s && s.isBlank())) {
      add(field, label, "es obligatorio");
    } else if (number == null) {
      add(field, label, "debe ser un número; se recibió «" + submission.raw(field) + "»");
    } else if (number.stripTrailingZeros().scale() > MONEY_SCALE) {
      add(field, label, "admite como máximo dos decimales; se recibió " + number.toPlainString());
    } else {
      range(field, label, number, min, max);
    }
  }

  /** A decision the form offers; comments required unless the decision is one that needs none. */
  void decision(TaskForm.Decision offered, int commentsMax) {
    String decision = submission.text("decision");
    if (decision == null || decision.isBlank()) {
      add("decision", offered.label(), "es obligatoria");
      return;
    }
    if (!offered.options().containsKey(decision)) {
      add("decision", offered.label(), "valor no válido «" + decision + "»; se espera uno de "
          + String.join(", ", offered.options().keySet()));
      return;
    }
    String comments = submission.text("comments");
    if (!offered.withoutComments().contains(decision) && (comments == null || comments.isBlank())) {
      add("comments", "Comentarios", "son obligatorios cuando la decisión es «" + offered.labelOf(decision) + "»");
    } else if (comments != null && comments.length() > commentsMax) {
      add("comments", "Comentarios", "exceden " + commentsMax + " caracteres");
    }
  }

  /**
   * A list of rows, each checked by {@code row}; at least {@code min} rows, at most 200. A row's
   * problems name it by {@code rowLabel} and its number as the form shows them: «Actividad 2 – Fin».
   */
  public void rows(String field, String label, String rowLabel, int min, Consumer<Row> row) {
    JsonNode list = submission.json(field);
    if (list == null || (!list.isMissingNode() && !list.isArray())) {
      add(field, label, "debe ser una lista");
      return;
    }
    int size = list.isMissingNode() ? 0 : list.size();
    if (size < min) {
      add(field, label, min == 1 ? "debe tener al menos un renglón" : "debe tener al menos " + min + " renglones");
      return;
    }
    if (size > 200) {
      add(field, label, "excede 200 renglones");
      return;
    }
    for (int i = 0; i < size; i++) {
      row.accept(new Row(field, rowLabel, i + 1, list.get(i)));
    }
  }

  /** One row of a list field. */
  public final class Row {

    private final String field;
    private final String rowLabel;
    private final int number;
    private final JsonNode node;

    Row(String field, String rowLabel, int number, JsonNode node) {
      this.field = field;
      this.rowLabel = rowLabel;
      this.number = number;
      this.node = node == null ? MissingNode.getInstance() : node;
    }

    private void problem(String column, String columnLabel, String problem) {
      add(field + "[" + number + "]." + column, rowLabel + " " + number + " – " + columnLabel, problem);
    }

    public void text(String column, String columnLabel, int maxLength) {
      JsonNode value = node.get(column);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        problem(column, columnLabel, "es obligatorio");
      } else if (value.asText().length() > maxLength) {
        problem(column, columnLabel, "excede " + maxLength + " caracteres");
      }
    }

    public void oneOf(String column, String columnLabel, List<String> allowed) {
      JsonNode value = node.get(column);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        problem(column, columnLabel, "es obligatorio");
      } else if (!allowed.contains(value.asText())) {
        problem(column, columnLabel, "valor no válido «" + value.asText() + "»");
      }
    }

    public BigDecimal number(String column, String columnLabel, boolean required, BigDecimal min, BigDecimal max) {
      JsonNode value = node.get(column);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        if (required) {
          problem(column, columnLabel, "es obligatorio");
        }
        return null;
      }
      BigDecimal number = value.isNumber() ? value.decimalValue() : Problems.number(value.asText());
      if (number == null) {
        problem(column, columnLabel, "debe ser un número; se recibió «" + value.asText() + "»");
        return null;
      }
      if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
        problem(column, columnLabel, "debe estar entre " + min + " y " + max);
      }
      return number;
    }

    /**
     * A calendar date, exactly YYYY-MM-DD, inside the fiscal year when {@code year} is known. A
     * timestamp is refused, not cut to its first ten characters: which day it means depends on a
     * time zone, and guessing one is how a date moves by a day.
     */
    public LocalDate date(String column, String columnLabel, Integer year) {
      JsonNode value = node.get(column);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        problem(column, columnLabel, "es obligatoria");
        return null;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(value.asText(), DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        problem(column, columnLabel, "no es una fecha válida (AAAA-MM-DD): «" + value.asText() + "»");
        return null;
      }
      if (year != null && date.getYear() != year) {
        problem(column, columnLabel, "debe caer dentro del año " + year);
      }
      return date;
    }

    public void dateOrder(LocalDate start, LocalDate end, String endColumn, String startLabel, String endLabel) {
      if (start != null && end != null && end.isBefore(start)) {
        problem(endColumn, endLabel, "es anterior a «" + startLabel + "»");
      }
    }
  }

  private void range(String field, String label, BigDecimal number, BigDecimal min, BigDecimal max) {
    if (min != null && number.compareTo(min) < 0) {
      add(field, label, "no puede ser menor que " + min);
    } else if (max != null && number.compareTo(max) > 0) {
      add(field, label, "no puede ser mayor que " + max);
    }
  }

  static BigDecimal number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isWebLink(String link) {
    try {
      URI uri = new URI(link);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
