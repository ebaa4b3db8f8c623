package mx.org.iecm.pgd.catalog;

/**
 * How often the staff of a line report progress during execution.
 */
public enum ReportingFrequency {
  MONTHLY("monthly", "mensual", 1),
  BIMONTHLY("bimonthly", "bimestral", 2),
  QUARTERLY("quarterly", "trimestral", 3),
  FOUR_MONTHLY("four-monthly", "cuatrimestral", 4),
  SEMIANNUAL("semiannual", "semestral", 6),
  ANNUAL("annual", "anual", 12);

  private final String code;
  private final String label;
  private final int months;

  ReportingFrequency(String code, String label, int months) {
    this.code = code;
    this.label = label;
    this.months = months;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Length of one reporting period in months; it divides the year evenly. */
  public int months() {
    return months;
  }

  /** Number of progress reports in a fiscal year. */
  public int reportsPerYear() {
    return 12 / months;
  }

  static ReportingFrequency fromCode(String code) {
    for (ReportingFrequency frequency : values()) {
      if (frequency.code.equals(code)) {
        return frequency;
      }
    }
    return null;
  }

  static String allowedCodes() {
    StringBuilder codes = new StringBuilder();
    for (ReportingFrequency frequency : values()) {
      if (!codes.isEmpty()) {
        codes.append(", ");
      }
      codes.append(frequency.code);
    }
    return codes.toString();
  }
}
