package mx.org.iecm.pgd.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.task.PrepareTaskListener;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tasklist filters every person finds on first login, created once and readable by the groups
 * that need them. Each list shows the line of action, the year and the area of each task.
 */
final class TasklistFilters {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  static final String MY_TASKS = "Mis tareas";
  static final String MY_AREA = "Tareas de mi área";
  static final String OVERDUE = "Vencidas";
  static final String SGCE_REVIEWS = "Revisiones SGCE";
  static final String RETURNED = "Devueltas";
  static final String ALL_TASKS = "Todas las tareas";

  private TasklistFilters() {
  }

  record FilterDefinition(String name, String description, int priority, TaskQuery query, List<String> readers) {
  }

  static List<FilterDefinition> definitions(TaskService tasks, PlanCatalog catalog) {
    List<String> everyone = new ArrayList<>();
    for (Area area : catalog.areas()) {
      everyone.add(Groups.staff(area.code()));
      everyone.add(Groups.head(area.code()));
    }
    everyone.add(Groups.SGCE_OFFICE);
    everyone.add(Groups.MANAGERS);
    return List.of(
        new FilterDefinition(MY_TASKS, "Tareas asignadas a usted", -20,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone),
        new FilterDefinition(MY_AREA, "Tareas para los grupos a los que usted pertenece", -10,
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
            everyone),
        new FilterDefinition(OVERDUE, "Tareas de sus grupos cuya fecha límite ya pasó", 0,
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueBeforeExpression("${now()}"), everyone),
        new FilterDefinition(RETURNED, "Trabajo que usted preparó y le devolvieron con comentarios", -15,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .taskNameLike("%" + PrepareTaskListener.RETURNED), everyone),
        new FilterDefinition(SGCE_REVIEWS, "Revisiones y dictámenes de la Oficina del SGCE", 10,
            tasks.createTaskQuery().taskCandidateGroup(Groups.SGCE_OFFICE).includeAssignedTasks(),
            List.of(Groups.SGCE_OFFICE)),
        // Managers read every open task (their authorization is READ on every task) and work none.
        new FilterDefinition(ALL_TASKS, "Las tareas abiertas de todas las áreas (solo lectura)", 20,
            tasks.createTaskQuery(), List.of(Groups.MANAGERS)));
  }

  static void ensure(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      PlanCatalog catalog) {
    Map<String, Filter> existing = new HashMap<>();
    filters.createTaskFilterQuery().list().forEach(filter -> existing.putIfAbsent(filter.getName(), filter));
    int created = 0;
    for (FilterDefinition definition : definitions(tasks, catalog)) {
      Filter filter = existing.get(definition.name());
      if (filter == null) {
        filter = filters.newTaskFilter(definition.name())
            .setQuery(definition.query())
            .setProperties(properties(definition));
        filter = filters.saveFilter(filter);
        created++;
      }
      grantRead(authorizations, filter.getId(), definition.readers());
    }
    LOG.info("Tasklist filters: {} wanted, {} created", definitions(tasks, catalog).size(), created);
  }

  private static Map<String, Object> properties(FilterDefinition definition) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", CycleVariables.ACTION_LINE_ID, "label", "Línea de acción"),
        Map.of("name", CycleVariables.YEAR, "label", "Año"),
        Map.of("name", CycleVariables.AREA_NAME, "label", "Área")));
    return properties;
  }

  private static void grantRead(AuthorizationService authorizations, String filterId, List<String> groups) {
    List<String> granted = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list().stream().map(Authorization::getGroupId).toList();
    for (String group : groups) {
      if (granted.contains(group)) {
        continue;
      }
      Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }
}
