package mx.org.iecm.pgd.catalog;

/**
 * Whether a line's areas and reviewers are the initial proposal or were confirmed by the institute.
 */
public enum Assignment {
  PROPOSED("proposed"),
  CONFIRMED("confirmed");

  private final String code;

  Assignment(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static Assignment fromCode(String code) {
    for (Assignment assignment : values()) {
      if (assignment.code.equals(code)) {
        return assignment;
      }
    }
    return null;
  }
}
