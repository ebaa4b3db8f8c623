package mx.org.iecm.pgd.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.LifecycleProcess;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each role may do, as Camunda authorizations: the single source from which the grants are
 * created at start and from which the README's role table is written.
 *
 * <p>Tasks are not granted here: the engine grants the members of a task's candidate group the right
 * to see and work that one task ({@code TASK_WORK}), so people see only the tasks routed to their group.
 */
public final class AccessPolicy {

  /** One grant: a group may do {@code permissions} on {@code resource} {@code resourceId}. */
  public record Grant(String group, Resource resource, String resourceId, List<Permission> permissions,
      String meaning) {
  }

  /** A role as the README lists it: the groups it covers and what its grants mean. */
  public record Role(String name, String groups, List<String> may) {
  }

  private AccessPolicy() {
  }

  public static List<Grant> grants(PlanCatalog catalog) {
    List<Grant> grants = new ArrayList<>();
    List<String> workers = new ArrayList<>();
    for (Area area : catalog.areas()) {
      workers.add(Groups.staff(area.code()));
      workers.add(Groups.head(area.code()));
    }
    workers.add(Groups.SGCE_OFFICE);
    for (String group : workers) {
      grants.addAll(taskWorker(group));
    }
    grants.add(sgceHistory());
    grants.addAll(manager());
    grants.addAll(auditor());
    grants.addAll(administrator());
    return grants;
  }

  /** The roles and what they may do, in Spanish, in the order the README lists them. */
  public static List<Role> roles(PlanCatalog catalog) {
    Map<String, Role> roles = new LinkedHashMap<>();
    String anyArea = Groups.staff(catalog.areas().get(0).code());
    roles.put("staff", role("Enlaces y titulares de cada área", "`<área>-staff`, `<área>-head`",
        taskWorker(anyArea), "ver y trabajar solo las tareas asignadas a su grupo (las otorga el motor al asignar la tarea)"));
    List<Grant> sgce = new ArrayList<>(taskWorker(Groups.SGCE_OFFICE));
    sgce.add(sgceHistory());
    roles.put("sgce", role("Oficina del SGCE", "`sgce-office`", sgce,
        "ver y trabajar sus tareas de revisión de todas las áreas; leer los expedientes en `/api/audit` y `/audit`; consultar `/api/status` (solo lectura)"));
    roles.put("managers", role("Seguimiento del plan", "`managers`", manager(),
        "solo este grupo y `camunda-admin` pueden iniciar o cancelar por `/api/cycles` y leer las métricas; consultar `/api/status` y el tablero del plan en Cockpit; leer los expedientes en `/api/audit` y `/audit` (la página «Expedientes»)"));
    roles.put("auditors", role("Auditoría del SGCE", "`auditors`", auditor(),
        "leer los expedientes en `/api/audit` y `/audit` (la página «Expedientes», HTML, PDF, CSV) y el tablero del plan en Cockpit (`/api/status`); nada más: no pueden reclamar, completar, iniciar, cancelar ni modificar"));
    roles.put("admin", role("Administración", "`camunda-admin`", administrator(), null));
    return List.copyOf(roles.values());
  }

  /** The roles as the Markdown table of the README's security section. */
  public static String markdownTable(PlanCatalog catalog) {
    StringBuilder table = new StringBuilder("| rol | grupos | puede |\n|---|---|---|\n");
    for (Role role : roles(catalog)) {
      table.append("| ").append(role.name()).append(" | ").append(role.groups()).append(" | ")
          .append(String.join("; ", role.may())).append(" |\n");
    }
    return table.toString();
  }

  private static Role role(String name, String groups, List<Grant> grants, String extra) {
    List<String> may = new ArrayList<>(grants.stream().map(Grant::meaning).distinct().toList());
    if (extra != null) {
      may.add(extra);
    }
    return new Role(name, groups, may);
  }

  private static List<Grant> taskWorker(String group) {
    return List.of(
        new Grant(group, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS), "entrar a Tasklist"),
        new Grant(group, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ),
            "ver las definiciones de proceso y sus diagramas"),
        new Grant(group, Resources.USER, ANY, List.of(Permissions.READ), "ver los nombres de personas y grupos"),
        new Grant(group, Resources.GROUP, ANY, List.of(Permissions.READ), "ver los nombres de personas y grupos"));
  }

  private static Grant sgceHistory() {
    return new Grant(Groups.SGCE_OFFICE, Resources.PROCESS_DEFINITION, ANY,
        List.of(ProcessDefinitionPermissions.READ_HISTORY), "leer el historial de los ciclos");
  }

  private static List<Grant> manager() {
    String group = Groups.MANAGERS;
    return List.of(
        new Grant(group, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS), "entrar a Cockpit y Tasklist"),
        new Grant(group, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS), "entrar a Cockpit y Tasklist"),
        new Grant(group, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            "leer todas las instancias de proceso, sus variables y su historial"),
        new Grant(group, Resources.PROCESS_DEFINITION, LifecycleProcess.KEY, List.of(
            ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE),
            "iniciar ciclos y cancelarlos con justificación"),
        new Grant(group, Resources.PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.CREATE),
            "iniciar ciclos y cancelarlos con justificación"),
        new Grant(group, Resources.TASK, ANY, List.of(Permissions.READ),
            "ver las tareas abiertas de todas las áreas, sin trabajarlas"),
        new Grant(group, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ), "ver los despliegues"),
        new Grant(group, Resources.USER, ANY, List.of(Permissions.READ), "ver los nombres de personas y grupos"),
        new Grant(group, Resources.GROUP, ANY, List.of(Permissions.READ), "ver los nombres de personas y grupos"));
  }

  private static List<Grant> auditor() {
    String group = Groups.AUDITORS;
    return List.of(
        new Grant(group, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS), "entrar a Cockpit"),
        new Grant(group, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            "leer las instancias y el historial de todos los ciclos"),
        new Grant(group, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ), "ver los despliegues"),
        new Grant(group, Resources.USER, ANY, List.of(Permissions.READ), "ver los nombres de personas y grupos"),
        new Grant(group, Resources.GROUP, ANY, List.of(Permissions.READ), "ver los nombres de personas y grupos"));
  }

  private static List<Grant> administrator() {
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, List.of(Permissions.ALL),
          "todo, en Tasklist, Cockpit, Admin y las API"));
    }
    return grants;
  }
}
