package mx.org.iecm.pgd.catalog;

import java.util.List;

/**
 * Camunda group ids: two per area, derived from its code, and the institute-wide role groups.
 */
public final class Groups {

  public static final String SGCE_OFFICE = "sgce-office";
  public static final String MANAGERS = "managers";
  public static final String AUDITORS = "auditors";
  /** Camunda's own administrators group; the engine grants it every permission. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** The institute-wide groups, in the order they are listed to people. */
  public static final List<String> ROLE_GROUPS = List.of(SGCE_OFFICE, MANAGERS, AUDITORS, CAMUNDA_ADMIN);

  private static final String STAFF_SUFFIX = "-staff";
  private static final String HEAD_SUFFIX = "-head";

  private Groups() {
  }

  /** The group of an area's staff (enlaces), who draft and report. */
  public static String staff(String areaCode) {
    return areaCode + STAFF_SUFFIX;
  }

  /** The group of an area's head (titular), who approves for the area. */
  public static String head(String areaCode) {
    return areaCode + HEAD_SUFFIX;
  }
}
