package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a request that our rules refused inside the engine ({@link EngineRefusal}: a task completion,
 * a cycle start) with what a person can read and a form can mark.
 *
 * <p>Camunda's REST API (both {@code /engine-rest} and the webapps' {@code /camunda/api/engine}) answers
 * such a refusal with {@code "Cannot submit task form <id>: <our message>"} (400) or
 * {@code "Cannot instantiate process definition <id>: <our message>"} (500): an English prefix, and no
 * way to tell which field is wrong. This filter keeps Camunda's shape ({@code type}, {@code message},
 * {@code code}, which Tasklist and other clients read) with our Spanish message alone and status 400,
 * and adds {@code problems}: each one's {@code field} (as the client sent it, e.g.
 * {@code activities[1].start}), {@code label} («Actividad 1 – Inicio») and {@code message}. Every other
 * answer passes through untouched.
 */
public class RefusedEngineRequestFilter extends OncePerRequestFilter {

  /** Starting an instance of a process definition, by id or by key. */
  private static final Pattern STARTS = Pattern.compile("process-definition/.+/(?:start|submit-form)");

  private final ObjectMapper objectMapper;

  public RefusedEngineRequestFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || EngineApiPaths.resource(request)
        .filter(path -> STARTS.matcher(path).matches() || EngineApiPolicy.rule("POST", path)
            .filter(rule -> rule.access() == EngineApiPolicy.Access.COMPLETE).isPresent())
        .isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    if (request.getAttribute(EngineRefusal.REQUEST_ATTRIBUTE) instanceof EngineRefusal refusal
        && buffered.getStatus() >= HttpStatus.BAD_REQUEST.value()) {
      buffered.resetBuffer();
      RefusalBody.write(objectMapper, response, HttpStatus.BAD_REQUEST.value(), refusal.refusalType(),
          refusal.getMessage(), refusal.problems());
    } else {
      buffered.copyBodyToResponse();
    }
  }
}
