package mx.org.iecm.pgd.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import mx.org.iecm.pgd.web.WebErrors;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a logged-in session to the account it was opened for: at most every {@code recheck} (60 s by
 * default, {@code pgd.security.account-recheck}), the account's stamp ({@link AccountStamp}) is read
 * again; when the password or the groups changed, or the account is gone, the session ends there and
 * the request is answered as for a person who is not logged in (401 for APIs and background calls, the
 * login page for a page). Changes made through Admin or the engine API end the sessions at once
 * ({@link AccountChangesFilter}); this covers every other way.
 */
class AccountRecheckFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AccountRecheckFilter.class);
  /** The session attributes: the account's stamp at login, and when it was last found unchanged. */
  static final String STAMP = AccountRecheckFilter.class.getName() + ".stamp";
  static final String CHECKED_AT = AccountRecheckFilter.class.getName() + ".checkedAt";

  private final IdentityService identityService;
  private final Duration recheck;
  private final Clock clock;
  private final ObjectMapper objectMapper;

  AccountRecheckFilter(IdentityService identityService, Duration recheck, Clock clock, ObjectMapper objectMapper) {
    this.identityService = identityService;
    this.recheck = recheck;
    this.clock = clock;
    this.objectMapper = objectMapper;
  }

  /** Notes, at login, what the session stands on. */
  static void stamp(HttpSession session, IdentityService identityService, String userId, Clock clock) {
    AccountStamp.of(identityService, userId).ifPresent(stamp -> session.setAttribute(STAMP, stamp));
    session.setAttribute(CHECKED_AT, clock.millis());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (session == null || authentication == null || !(session.getAttribute(STAMP) instanceof AccountStamp stamp)
        || !due(session)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<AccountStamp> now = AccountStamp.of(identityService, authentication.getName());
    if (now.isPresent() && now.get().equals(stamp)) {
      session.setAttribute(CHECKED_AT, clock.millis());
      chain.doFilter(request, response);
      return;
    }
    LOG.info("Account {} changed or removed: its session ended", authentication.getName());
    session.invalidate();
    SecurityContextHolder.clearContext();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (SecurityConfiguration.isPageNavigation(request) && "GET".equals(request.getMethod())
        && !WebErrors.wantsJson(request, path)) {
      response.sendRedirect(request.getContextPath() + "/login");
    } else {
      ProblemResponses.write(objectMapper, response, HttpStatus.UNAUTHORIZED, "Sesión terminada",
          "Su cuenta cambió (contraseña, grupos o baja): inicie sesión de nuevo.");
    }
  }

  private boolean due(HttpSession session) {
    Object checkedAt = session.getAttribute(CHECKED_AT);
    return !(checkedAt instanceof Long at) || clock.millis() - at >= recheck.toMillis();
  }
}
