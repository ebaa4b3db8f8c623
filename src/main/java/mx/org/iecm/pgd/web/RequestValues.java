package mx.org.iecm.pgd.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The strict reading of values people send in paths, parameters and bodies: a year is four ASCII
 * digits (not {@code 0x7E6}, not full-width digits), a line is {@code 1.1} to {@code 999.999}, a
 * date is {@code AAAA-MM-DD} and nothing after it, and text carries no control characters but
 * newlines and tabs. Anything else is refused with 400 and a Spanish message that names the field.
 */
public final class RequestValues {

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern LINE = Pattern.compile("[1-9][0-9]{0,2}\\.[1-9][0-9]{0,2}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private RequestValues() {
  }

  /** A year; {@code null} stays {@code null} (an optional parameter left out). */
  public static Integer year(String field, String raw) {
    if (raw == null) {
      return null;
    }
    if (!YEAR.matcher(raw).matches()) {
      throw ApiException.badRequest("«" + field + "»: «" + shown(raw) + "» no es un año (cuatro dígitos, p. ej. 2022).");
    }
    return Integer.valueOf(raw);
  }

  /** A line of action such as {@code 1.1}; {@code null} stays {@code null}. */
  public static String line(String field, String raw) {
    if (raw != null && !LINE.matcher(raw).matches()) {
      throw ApiException.badRequest("«" + field + "»: «" + shown(raw)
          + "» no es una línea de acción (número de programa, punto y número de línea, p. ej. 1.1).");
    }
    return raw;
  }

  /** A calendar date written {@code AAAA-MM-DD}; {@code null} stays {@code null}. */
  public static LocalDate date(String field, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      if (DATE.matcher(raw).matches()) {
        return LocalDate.parse(raw);
      }
    } catch (DateTimeException e) {
      // Refused below, like any other text that is not a date.
    }
    throw ApiException.badRequest("«" + field + "»: «" + shown(raw) + "» no es una fecha AAAA-MM-DD (p. ej. 2022-03-31).");
  }

  /** Whether the text has a control character other than a newline, a carriage return or a tab. */
  public static boolean hasControlCharacters(String text) {
    return text != null && text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
        && c != '\t');
  }

  /** The raw value as a message can show it: its control characters escaped, at most 40 characters. */
  private static String shown(String raw) {
    StringBuilder shown = new StringBuilder();
    raw.codePoints().limit(40).forEach(c -> shown.append(Character.isISOControl(c)
        ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
    return raw.codePointCount(0, raw.length()) > 40 ? shown + "…" : shown.toString();
  }
}
