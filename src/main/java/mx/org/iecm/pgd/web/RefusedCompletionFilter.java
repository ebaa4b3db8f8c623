package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.task.SubmissionRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a task completion that our rules refused with what a person can read and a form can mark.
 *
 * <p>Camunda's REST API (both {@code /engine-rest} and the webapps' {@code /camunda/api/engine}) answers
 * such a refusal with 400 and {@code "Cannot submit task form <id>: <our message>"}: an English prefix
 * with the task's id, which Tasklist shows as it is, and no way to tell which field is wrong. This filter
 * keeps Camunda's shape ({@code type}, {@code message}, {@code code}, which Tasklist and other clients
 * read) with our Spanish message alone, and adds {@code problems}: each one's {@code field} (as the
 * client sent it, e.g. {@code activities[1].start}), {@code label} («Actividad 1 – Inicio») and
 * {@code message}. Every other answer passes through untouched.
 */
public class RefusedCompletionFilter extends OncePerRequestFilter {

  /** Completing a task, below the root of either engine API. */
  static final Pattern COMPLETION = Pattern.compile("task/[^/]+/(?:submit-form|complete|resolve)");

  private final ObjectMapper objectMapper;

  public RefusedCompletionFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || EngineApiPaths.resource(request).filter(path -> COMPLETION.matcher(path).matches()).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    if (request.getAttribute(SubmissionRefusedException.REQUEST_ATTRIBUTE) instanceof SubmissionRefusedException refusal
        && buffered.getStatus() == HttpStatus.BAD_REQUEST.value()) {
      buffered.resetBuffer();
      RefusalBody.write(objectMapper, response, HttpStatus.BAD_REQUEST.value(), RefusalBody.SUBMISSION_REFUSED,
          refusal.getMessage(), refusal.problems());
    } else {
      buffered.copyBodyToResponse();
    }
  }
}
