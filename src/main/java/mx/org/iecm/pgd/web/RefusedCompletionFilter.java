package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.task.Problem;
import mx.org.iecm.pgd.task.SubmissionRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

  /** Completing a task through either REST API, on the default engine or a named one. */
  static final Pattern COMPLETION = Pattern.compile(
      "/(?:engine-rest|camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+)?/task/[^/]+/(?:submit-form|complete|resolve)");

  private final ObjectMapper objectMapper;

  public RefusedCompletionFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    if (request.getAttribute(SubmissionRefusedException.REQUEST_ATTRIBUTE) instanceof SubmissionRefusedException refusal
        && buffered.getStatus() == HttpStatus.BAD_REQUEST.value()) {
      buffered.resetBuffer();
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      objectMapper.writeValue(response.getOutputStream(), body(refusal));
    } else {
      buffered.copyBodyToResponse();
    }
  }

  private ObjectNode body(SubmissionRefusedException refusal) {
    ObjectNode body = objectMapper.createObjectNode()
        .put("type", "SubmissionRefused")
        .put("message", refusal.getMessage())
        .put("code", 0)
        .put("task", refusal.taskName());
    ArrayNode problems = body.putArray("problems");
    for (Problem problem : refusal.problems()) {
      problems.addObject().put("field", problem.field()).put("label", problem.label()).put("message", problem.message());
    }
    return body;
  }
}
