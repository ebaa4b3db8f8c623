package mx.org.iecm.pgd.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.ApplicationIdentity;
import mx.org.iecm.pgd.web.EngineApiPaths;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a person's sessions as soon as an administrator changes what they stand on, through Admin or
 * the engine API (both reach the same resources): their password, a group membership, a group of
 * theirs deleted, or their account deleted. Other changes (straight in the database, another
 * identity provider) reach the sessions through {@link AccountRecheckFilter}. An administrator's
 * unlock of an account also lifts the application's lock ({@link LoginThrottle}).
 */
class AccountChangesFilter extends OncePerRequestFilter {

  private static final Pattern USER = Pattern.compile("user/([^/]+)(?:/credentials)?");
  private static final Pattern MEMBER = Pattern.compile("group/[^/]+/members/([^/]+)");
  private static final Pattern GROUP = Pattern.compile("group/([^/]+)");

  private static final Pattern UNLOCK = Pattern.compile("user/([^/]+)/unlock");

  private final AccountSessions sessions;
  private final IdentityService identityService;
  private final LoginThrottle throttle;

  AccountChangesFilter(AccountSessions sessions, IdentityService identityService, LoginThrottle throttle) {
    this.sessions = sessions;
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("PUT".equals(method) || "DELETE".equals(method) || "POST".equals(method))
        || EngineApiPaths.resource(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String resource = EngineApiPaths.resource(request).orElseThrow();
    List<String> affected = "POST".equals(request.getMethod()) ? List.of()
        : affected(request.getMethod(), resource);
    chain.doFilter(request, response);
    if (response.getStatus() >= 300) {
      return;
    }
    affected.forEach(sessions::end);
    Matcher unlock = UNLOCK.matcher(resource);
    if ("POST".equals(request.getMethod()) && unlock.matches()) {
      throttle.unlock(unlock.group(1));
    }
  }

  /** The people whose access the request changes, read before it runs (a deleted group has no members after). */
  private List<String> affected(String method, String resource) {
    List<String> users = new ArrayList<>();
    Matcher user = USER.matcher(resource);
    Matcher member = MEMBER.matcher(resource);
    Matcher group = GROUP.matcher(resource);
    if (user.matches() && ("DELETE".equals(method) || resource.endsWith("/credentials"))) {
      users.add(user.group(1));
    } else if (member.matches()) {
      users.add(member.group(1));
    } else if (group.matches() && "DELETE".equals(method)) {
      users.addAll(ApplicationIdentity.call(identityService, () -> identityService.createUserQuery()
          .memberOfGroup(group.group(1)).list().stream().map(User::getId).toList()));
    }
    return users;
  }
}
