package mx.org.iecm.pgd.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.security.AccessPolicy.Grant;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the grants of the {@link AccessPolicy} that are missing, and adds missing permissions to
 * existing ones; it never removes what an administrator added in Admin. Starting twice changes nothing.
 */
final class AuthorizationBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationBootstrap.class);

  private AuthorizationBootstrap() {
  }

  static void ensure(AuthorizationService authorizations, List<Grant> grants) {
    Map<String, Authorization> existing = new HashMap<>();
    for (Authorization authorization : authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
      if (authorization.getGroupId() != null) {
        existing.put(key(authorization.getGroupId(), authorization.getResourceType(), authorization.getResourceId()),
            authorization);
      }
    }
    int created = 0;
    int extended = 0;
    for (Grant grant : grants) {
      String key = key(grant.group(), grant.resource().resourceType(), grant.resourceId());
      Authorization authorization = existing.get(key);
      boolean isNew = authorization == null;
      if (isNew) {
        authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
      }
      boolean changed = isNew;
      for (Permission permission : grant.permissions()) {
        if (!authorization.isPermissionGranted(permission)) {
          authorization.addPermission(permission);
          changed = true;
        }
      }
      if (changed) {
        Authorization saved = authorizations.saveAuthorization(authorization);
        existing.put(key, saved);
        if (isNew) {
          created++;
        } else {
          extended++;
        }
      }
    }
    LOG.info("Camunda authorizations: {} grants wanted, {} created, {} extended", grants.size(), created, extended);
  }

  /**
   * Whether the engine looks for revoking authorizations on each check. The application grants only, and
   * its engine APIs refuse to create a revoking one ({@code EngineWritesFilter}), so the engine need not
   * ask, on every command and query that checks permissions, whether one exists (one statement each,
   * BENCHMARKS.md §16). A database that holds revoking authorizations from before keeps them in force:
   * the engine goes on checking until they are deleted in Admin and the node restarts. An engine configured
   * to check always ({@code authorization-check-revokes: always}) keeps checking: the start never checks less
   * than the configuration asks.
   */
  static void revokeChecks(AuthorizationService authorizations, ProcessEngineConfiguration configuration) {
    if (ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS.equals(
        configuration.getAuthorizationCheckRevokes())) {
      LOG.info("Camunda authorizations: revoking authorizations checked always, as configured");
      return;
    }
    long revokes = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes == 0) {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    } else {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      LOG.warn("Camunda authorizations: {} revoking authorizations found; the engine checks for them on every"
          + " permission check until they are deleted (Admin) and the node restarts", revokes);
    }
  }

  private static String key(String group, int resourceType, String resourceId) {
    return group + "|" + resourceType + "|" + resourceId;
  }
}
