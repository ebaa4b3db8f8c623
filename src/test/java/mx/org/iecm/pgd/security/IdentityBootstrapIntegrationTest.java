package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
  TestRestTemplate rest;

  @Test
  void tasklistFiltersExistOnceAndEachGroupReadsItsOwn() {
    bootstrap.postProcessEngineBuild(processEngine);

    List<Filter> filters = filterService.createTaskFilterQuery().orderByFilterName().asc().list();
    assertThat(filters).extracting(Filter::getName)
        .containsExactly("Mis tareas", "Revisiones SGCE", "Tareas de mi área", "Vencidas");
    Filter overdue = filters.get(3);
    assertThat(overdue.getProperties()).containsEntry("description", "Tareas de sus grupos cuya fecha límite ya pasó");
    assertThat(overdue.getProperties().get("variables").toString()).contains("actionLineId", "Línea de acción");
    JsonNode staffFilters = rest.withBasicAuth("utcfd-staff1", "demo").getForObject("/engine-rest/filter", JsonNode.class);
    assertThat(staffFilters).extracting(filter -> filter.get("name").asText())
        .containsExactlyInAnyOrder("Mis tareas", "Tareas de mi área", "Vencidas");
    JsonNode sgceFilters = rest.withBasicAuth("sgce2", "demo").getForObject("/engine-rest/filter", JsonNode.class);
    assertThat(sgceFilters).hasSize(4);
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
}
