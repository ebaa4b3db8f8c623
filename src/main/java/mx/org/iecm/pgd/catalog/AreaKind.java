package mx.org.iecm.pgd.catalog;

/**
 * The kind of an organisational area of the institute.
 */
public enum AreaKind {
  SECRETARIAT("secretariat", "Secretaría"),
  DIRECTORATE("directorate", "Dirección"),
  EXECUTIVE_DIRECTORATE("executive-directorate", "Dirección Ejecutiva"),
  TECHNICAL_UNIT("technical-unit", "Unidad Técnica"),
  UNIT("unit", "Unidad"),
  INTERNAL_CONTROL("internal-control", "Órgano de control interno"),
  OFFICE("office", "Oficina");

  private final String code;
  private final String label;

  AreaKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The value used in catalog files and JSON. */
  public String code() {
    return code;
  }

  /** The Spanish name shown to people. */
  public String label() {
    return label;
  }

  static AreaKind fromCode(String code) {
    for (AreaKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    return null;
  }
}
