package mx.org.iecm.pgd.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated API call with 401, a Basic challenge and a Spanish problem detail.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final String REALM = "IECM PGD";

  private final ObjectMapper objectMapper;

  ProblemAuthenticationEntryPoint(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    ProblemResponses.write(objectMapper, response, HttpStatus.UNAUTHORIZED, "No autenticado",
        "Se requiere iniciar sesión: envíe usuario y contraseña (HTTP Basic).");
  }
}
