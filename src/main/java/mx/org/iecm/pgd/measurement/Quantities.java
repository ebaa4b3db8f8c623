package mx.org.iecm.pgd.measurement;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers, percents and money as people read them in Mexico: 1,250.5 · 87.5 · $400,000.00. */
public final class Quantities {

  private static final Locale MEXICO = Locale.forLanguageTag("es-MX");

  private Quantities() {
  }

  /** A number with at most {@code decimals} decimals and thousands separators. */
  public static String number(Number value, int decimals) {
    NumberFormat format = NumberFormat.getNumberInstance(MEXICO);
    format.setMaximumFractionDigits(decimals);
    return format.format(value);
  }

  /** A figure with exactly one decimal (a percent, points of progress). */
  public static String oneDecimal(double value) {
    NumberFormat format = NumberFormat.getNumberInstance(MEXICO);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  /** An amount in pesos: $400,000.00. */
  public static String money(BigDecimal value) {
    return NumberFormat.getCurrencyInstance(MEXICO).format(value);
  }
}
