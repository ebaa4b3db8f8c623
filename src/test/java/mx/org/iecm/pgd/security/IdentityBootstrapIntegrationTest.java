package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.StatementCounter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@PgdIntegrationTest
class IdentityBootstrapIntegrationTest {

  @Autowired
  PlanCatalog catalog;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  IdentityBootstrap bootstrap;

  @Test
  void everyAreaHasAStaffAndAHeadGroupBesideTheRoleGroups() {
    List<String> groupIds = identityService.createGroupQuery().list().stream().map(Group::getId).toList();

    assertThat(groupIds).hasSize(catalog.areas().size() * 2 + Groups.ROLE_GROUPS.size());
    for (Area area : catalog.areas()) {
      assertThat(groupIds).contains(Groups.staff(area.code()), Groups.head(area.code()));
    }
    assertThat(groupIds).containsAll(Groups.ROLE_GROUPS);
    assertThat(identityService.createGroupQuery().groupId("deoeyg-head").singleResult().getName())
        .isEqualTo("Titular — Dirección Ejecutiva de Organización Electoral y Geoestadística");
  }

  @Test
  void everyGroupHasAtLeastTwoDemoUsersWithTheDemoPassword() {
    for (Group group : identityService.createGroupQuery().list()) {
      assertThat(identityService.createUserQuery().memberOfGroup(group.getId()).count())
          .as("members of %s", group.getId())
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(identityService.checkPassword("utsi-staff2", "demo")).isTrue();
    assertThat(identityService.checkPassword("admin", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(user -> user.getId()).contains("admin", "admin2");
  }

  @Autowired
  FilterService filterService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  TestRestTemplate rest;

  @Test
  void tasklistFiltersExistOnceWithTheirCriteriaAndEachGroupReadsItsOwn() {
    bootstrap.postProcessEngineBuild(processEngine);

    List<Filter> filters = filterService.createTaskFilterQuery().orderByFilterName().asc().list();
    assertThat(filters).extracting(Filter::getName)
        .containsExactly("Devueltas", "Mis tareas", "Revisiones SGCE", "Tareas de mi área", "Todas las tareas",
            "Vencidas");
    Filter overdue = filters.get(5);
    assertThat(overdue.getProperties()).containsEntry("description", "Tareas de sus grupos cuya fecha límite ya pasó");
    assertThat(overdue.getProperties().get("variables").toString()).contains("actionLineId", "Línea de acción");
    JsonNode staffFilters = rest.withBasicAuth("utcfd-staff1", "demo").getForObject("/engine-rest/filter", JsonNode.class);
    Map<String, JsonNode> queries = new HashMap<>();
    assertThat(staffFilters).extracting(filter -> filter.get("name").asText())
        .containsExactlyInAnyOrder("Devueltas", "Mis tareas", "Tareas de mi área", "Vencidas");
    JsonNode sgceFilters = rest.withBasicAuth("sgce2", "demo").getForObject("/engine-rest/filter", JsonNode.class);
    assertThat(sgceFilters).hasSize(5);
    JsonNode managerFilters = rest.withBasicAuth("manager1", "demo").getForObject("/engine-rest/filter", JsonNode.class);
    assertThat(managerFilters).extracting(filter -> filter.get("name").asText())
        .containsExactlyInAnyOrder("Devueltas", "Mis tareas", "Tareas de mi área", "Vencidas", "Todas las tareas");
    managerFilters.forEach(filter -> queries.put(filter.get("name").asText(), filter.get("query")));
    assertThat(queries.get("Todas las tareas").fieldNames()).toIterable().as("no criteria: every task the manager may read")
        .noneMatch(field -> field.startsWith("assignee") || field.startsWith("candidate") || field.startsWith("due"));
    assertThat(rest.withBasicAuth("auditor1", "demo").getForObject("/engine-rest/filter", JsonNode.class)).isEmpty();

    sgceFilters.forEach(filter -> queries.put(filter.get("name").asText(), filter.get("query")));
    assertThat(queries.get("Mis tareas").get("assigneeExpression").asText()).isEqualTo("${currentUser()}");
    assertThat(queries.get("Tareas de mi área").get("candidateGroupsExpression").asText())
        .isEqualTo("${currentUserGroups()}");
    assertThat(queries.get("Tareas de mi área").get("includeAssignedTasks").asBoolean()).isTrue();
    assertThat(queries.get("Vencidas").get("dueBeforeExpression").asText()).isEqualTo("${now()}");
    assertThat(queries.get("Revisiones SGCE").get("candidateGroup").asText()).isEqualTo("sgce-office");
    assertThat(queries.get("Devueltas").get("assigneeExpression").asText()).isEqualTo("${currentUser()}");
    assertThat(queries.get("Devueltas").get("nameLike").asText()).isEqualTo("% · Devuelto");
    for (Filter filter : filters.stream().filter(filter -> !filter.getName().equals("Todas las tareas")).toList()) {
      List<Authorization> grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).list();
      assertThat(grants).as("READ grants of %s, one per group", filter.getName())
          .allSatisfy(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue())
          .extracting(Authorization::getGroupId).doesNotHaveDuplicates()
          .contains("sgce-office").doesNotContain("auditors");
    }
    Filter all = filters.get(4);
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(all.getId())
        .list()).extracting(Authorization::getGroupId).containsExactly("managers");
  }

  @Test
  void runningTheBootstrapAgainCreatesNothing() {
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long memberships = identityService.createUserQuery().memberOfGroup("sgce-office").count();

    bootstrap.postProcessEngineBuild(processEngine);

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createUserQuery().memberOfGroup("sgce-office").count()).isEqualTo(memberships);
  }

  @Autowired
  TaskService taskService;

  @Test
  void theEngineLooksForRevokingAuthorizationsOnlyWhileTheDatabaseHoldsSome() {
    ProcessEngineConfiguration configuration = processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
    assertThat(revokeLookupsOfATaskQuery()).isZero();

    // One left from before (the engine APIs no longer create them): checked again from the next start.
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("auditors");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("*");
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      bootstrap.postProcessEngineBuild(processEngine);
      assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("auto");
      assertThat(revokeLookupsOfATaskQuery()).isPositive();
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
      bootstrap.postProcessEngineBuild(processEngine);
    }
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
    assertThat(revokeLookupsOfATaskQuery()).isZero();
  }

  @Test
  void anEngineConfiguredToLookForRevokingAuthorizationsAlwaysKeepsLooking() {
    ProcessEngineConfiguration configuration = processEngine.getProcessEngineConfiguration();
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    try {
      bootstrap.postProcessEngineBuild(processEngine);
      assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("always");
      assertThat(revokeLookupsOfATaskQuery()).isPositive();
    } finally {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      bootstrap.postProcessEngineBuild(processEngine);
    }
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
  }

  /** The statements looking for revoking authorizations in a query of a person of an area. */
  private long revokeLookupsOfATaskQuery() {
    identityService.setAuthentication("deoeyg-staff1", List.of("deoeyg-staff"));
    StatementCounter.startRecording();
    try {
      taskService.createTaskQuery().list();
    } finally {
      identityService.clearAuthentication();
    }
    return StatementCounter.stopRecording().stream().map(StatementCounter::sql)
        .filter(sql -> sql.contains("TYPE_ = 2")).count();
  }
}
