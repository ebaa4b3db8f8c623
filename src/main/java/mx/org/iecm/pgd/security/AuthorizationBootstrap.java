package mx.org.iecm.pgd.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.security.AccessPolicy.Grant;
import org.camunda.bpm.engine.AuthorizationService;
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

  private static String key(String group, int resourceType, String resourceId) {
    return group + "|" + resourceType + "|" + resourceId;
  }
}
