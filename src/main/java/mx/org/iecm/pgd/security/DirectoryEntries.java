package mx.org.iecm.pgd.security;

import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;

/**
 * The Camunda groups and demo users the application keeps, derived from the area catalog.
 */
final class DirectoryEntries {

  static final String WORKFLOW = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
  static final String SYSTEM = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;

  /** Demo users per group: two, so that nobody has to approve their own work. */
  static final int DEMO_USERS_PER_GROUP = 2;

  private DirectoryEntries() {
  }

  record GroupEntry(String id, String name, String type) {
  }

  record UserEntry(String id, String firstName, String lastName, String groupId) {

    String email() {
      return id + "@demo.invalid";
    }
  }

  static List<GroupEntry> groups(PlanCatalog catalog) {
    List<GroupEntry> groups = new ArrayList<>();
    for (Area area : catalog.areas()) {
      for (String id : List.of(Groups.staff(area.code()), Groups.head(area.code()))) {
        groups.add(new GroupEntry(id, Groups.name(id, catalog), WORKFLOW));
      }
    }
    for (String id : Groups.ROLE_GROUPS) {
      groups.add(new GroupEntry(id, Groups.name(id, catalog), Groups.CAMUNDA_ADMIN.equals(id) ? SYSTEM : WORKFLOW));
    }
    return groups;
  }

  /**
   * The demo users: {@code <area>-staff1}, {@code <area>-staff2}, {@code <area>-head1}, …, and
   * {@code sgce1}, {@code manager1}, {@code auditor1}, {@code admin2} (plus {@code admin}, whom the
   * engine's own administrator setting creates).
   */
  static List<UserEntry> demoUsers(PlanCatalog catalog) {
    List<UserEntry> users = new ArrayList<>();
    for (Area area : catalog.areas()) {
      for (int i = 1; i <= DEMO_USERS_PER_GROUP; i++) {
        users.add(new UserEntry(Groups.staff(area.code()) + i, "Enlace " + i, area.name(), Groups.staff(area.code())));
        users.add(new UserEntry(Groups.head(area.code()) + i, "Titular " + i, area.name(), Groups.head(area.code())));
      }
    }
    for (int i = 1; i <= DEMO_USERS_PER_GROUP; i++) {
      users.add(new UserEntry("sgce" + i, "Revisión " + i, "Oficina del SGCE", Groups.SGCE_OFFICE));
      users.add(new UserEntry("manager" + i, "Seguimiento " + i, "Plan General de Desarrollo", Groups.MANAGERS));
      users.add(new UserEntry("auditor" + i, "Auditoría " + i, "SGCE", Groups.AUDITORS));
    }
    users.add(new UserEntry("admin2", "Administración 2", "Camunda", Groups.CAMUNDA_ADMIN));
    return users;
  }
}
