package mx.org.iecm.pgd.catalog;

import java.util.List;
import java.util.Optional;

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

  /**
   * A group's name as people read it: «Enlaces — Unidad Técnica de …» for an area's staff, «Titular — …»
   * for its head, the role's name for the institute-wide groups, the id itself for any other.
   */
  public static String name(String groupId, PlanCatalog catalog) {
    switch (groupId) {
      case SGCE_OFFICE:
        return "Oficina del SGCE";
      case MANAGERS:
        return "Seguimiento del Plan General de Desarrollo";
      case AUDITORS:
        return "Auditoría del SGCE";
      case CAMUNDA_ADMIN:
        return "Administración de Camunda";
      default:
        break;
    }
    for (String suffix : List.of(STAFF_SUFFIX, HEAD_SUFFIX)) {
      if (groupId.endsWith(suffix)) {
        String prefix = suffix.equals(STAFF_SUFFIX) ? "Enlaces — " : "Titular — ";
        Optional<Area> area = catalog.area(groupId.substring(0, groupId.length() - suffix.length()));
        if (area.isPresent()) {
          return prefix + area.get().name();
        }
      }
    }
    return groupId;
  }
}
