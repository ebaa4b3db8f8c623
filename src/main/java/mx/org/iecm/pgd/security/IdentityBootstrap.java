package mx.org.iecm.pgd.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.security.DirectoryEntries.GroupEntry;
import mx.org.iecm.pgd.security.DirectoryEntries.UserEntry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates, once the engine is built and before anyone can log in, the Camunda groups of every area
 * and role, their authorizations ({@link AccessPolicy}) and, in the demo mode only, the demo users. It runs at every start and changes only
 * what is missing or renamed, so starting twice creates nothing twice.
 */
@Component
class IdentityBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  static final String DEMO_PASSWORD = "demo";

  private final PlanCatalog catalog;
  private final boolean demo;

  IdentityBootstrap(PlanCatalog catalog, Environment environment) {
    this.catalog = catalog;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    IdentityService identity = processEngine.getIdentityService();
    ensureGroups(identity, DirectoryEntries.groups(catalog));
    AuthorizationBootstrap.ensure(processEngine.getAuthorizationService(), AccessPolicy.grants(catalog));
    AuthorizationBootstrap.revokeChecks(processEngine.getAuthorizationService(),
        processEngine.getProcessEngineConfiguration());
    TasklistFilters.ensure(processEngine.getFilterService(), processEngine.getTaskService(),
        processEngine.getAuthorizationService(), catalog);
    if (demo) {
      ensureDemoUsers(identity, DirectoryEntries.demoUsers(catalog));
    }
  }

  void ensureGroups(IdentityService identity, List<GroupEntry> wanted) {
    Map<String, Group> existing = identity.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, Function.identity()));
    int created = 0;
    int renamed = 0;
    for (GroupEntry entry : wanted) {
      Group group = existing.get(entry.id());
      if (group == null) {
        group = identity.newGroup(entry.id());
        created++;
      } else if (entry.name().equals(group.getName()) && entry.type().equals(group.getType())) {
        continue;
      } else {
        renamed++;
      }
      group.setName(entry.name());
      group.setType(entry.type());
      identity.saveGroup(group);
    }
    LOG.info("Camunda groups: {} wanted, {} created, {} renamed", wanted.size(), created, renamed);
  }

  void ensureDemoUsers(IdentityService identity, List<UserEntry> wanted) {
    Set<String> existing = identity.createUserQuery().list().stream().map(User::getId).collect(Collectors.toSet());
    int created = 0;
    int joined = 0;
    for (UserEntry entry : wanted) {
      Set<String> memberOf = new HashSet<>();
      if (existing.contains(entry.id())) {
        identity.createGroupQuery().groupMember(entry.id()).list().forEach(group -> memberOf.add(group.getId()));
      } else {
        User user = identity.newUser(entry.id());
        user.setFirstName(entry.firstName());
        user.setLastName(entry.lastName());
        user.setEmail(entry.email());
        user.setPassword(DEMO_PASSWORD);
        identity.saveUser(user);
        created++;
      }
      if (!memberOf.contains(entry.groupId())) {
        identity.createMembership(entry.id(), entry.groupId());
        joined++;
      }
    }
    LOG.info("Demo users: {} wanted, {} created, {} memberships added", wanted.size(), created, joined);
  }
}
