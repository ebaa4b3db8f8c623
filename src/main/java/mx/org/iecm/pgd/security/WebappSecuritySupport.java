package mx.org.iecm.pgd.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;

/**
 * What happens after logging out: the webapps log out with a background request and expect a plain
 * answer; a person logging out of our pages goes back to the login page.
 */
final class WebappSecuritySupport {

  private WebappSecuritySupport() {
  }

  static void afterLogout(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/camunda/api/")) {
      response.setStatus(HttpServletResponse.SC_OK);
      return;
    }
    response.sendRedirect(request.getContextPath() + "/login?logout");
  }
}
