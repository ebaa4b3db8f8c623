package mx.org.iecm.pgd.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import mx.org.iecm.pgd.security.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database failure that escapes everything inside (the session store, the
 * login's password check, a page) becomes 503 with the Spanish message, as a problem detail for
 * the APIs and as the error page for people, instead of a generic 500 or a misleading 401.
 */
class DatabaseFailureFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureFilter.class);

  private final ObjectMapper objectMapper;

  DatabaseFailureFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
      if (failure.isEmpty() || response.isCommitted()) {
        throw e;
      }
      LOG.error("Solicitud {} {} rechazada con 503 ({})", request.getMethod(), request.getRequestURI(), failure.get(), e);
      answer(request, response, failure.get());
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, DatabaseFailure failure)
      throws IOException {
    response.resetBuffer();
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFailure.RETRY_AFTER_SECONDS));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/")) {
      ProblemResponses.write(objectMapper, response, HttpStatus.SERVICE_UNAVAILABLE, "Servicio no disponible",
          failure.message());
    } else {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), failure.message());
    }
  }
}
