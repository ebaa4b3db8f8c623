package mx.org.iecm.pgd.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls our API for the length of the request, so that what the engine records
 * (who started a cycle, who completed a task) names that person.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineIdentityFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    identityService.setAuthentication(authentication.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
