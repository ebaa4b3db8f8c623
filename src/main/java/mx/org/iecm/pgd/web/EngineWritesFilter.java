package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.task.CompletionPolicy;
import mx.org.iecm.pgd.task.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may write variables through the engine APIs ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}), which anyone logged in can call by hand:
 *
 * <ul>
 *   <li>completing a task writes only the fields of the task's form, typed as the form declares them
 *       ({@link CompletionPolicy}); anything else is refused with 400 and nothing is written;
 *   <li>writing or deleting variables of a task, process instance or execution outside a completion,
 *       and ending a task with a BPMN error or escalation (which carry variables too), is for
 *       {@code camunda-admin} only; anyone else gets 403.
 * </ul>
 *
 * <p>The rule sits at the HTTP edge because that is where people reach the engine; the engine itself
 * offers no public hook that sees a completion's variables apart from those already there.
 */
public class EngineWritesFilter extends OncePerRequestFilter {

  static final Pattern COMPLETION = Pattern.compile("task/([^/]+)/(?:submit-form|complete|resolve)");
  static final Pattern VARIABLES = Pattern.compile(
      "(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?");
  static final Pattern TASK_ERRORS = Pattern.compile("task/[^/]+/(?:bpmnError|bpmnEscalation)");
  static final int MAX_BODY = 2 * 1024 * 1024;

  private final CompletionPolicy policy;
  private final ObjectMapper objectMapper;

  public EngineWritesFilter(CompletionPolicy policy, ObjectMapper objectMapper) {
    this.policy = policy;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
        || EngineApiPaths.resource(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String resource = EngineApiPaths.resource(request).orElseThrow();
    Matcher completion = COMPLETION.matcher(resource);
    if ("POST".equals(request.getMethod()) && completion.matches()) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      Optional<List<Problem>> problems;
      try {
        problems = body.length > MAX_BODY
            ? Optional.of(List.of(new Problem("variables", "Solicitud", "excede " + MAX_BODY / 1024 + " KiB")))
            : problems(completion.group(1), body);
      } catch (NotFoundException e) {
        RefusalBody.write(objectMapper, response, HttpStatus.NOT_FOUND.value(), "TaskNotFound", e.getMessage(),
            List.of());
        return;
      }
      if (problems.isPresent()) {
        RefusalBody.write(objectMapper, response, HttpStatus.BAD_REQUEST.value(), RefusalBody.SUBMISSION_REFUSED,
            "No se pudo completar la tarea: " + String.join("; ", problems.get().stream().map(Problem::text).toList())
                + ".", problems.get());
        return;
      }
      chain.doFilter(new ReadAgain(request, body), response);
    } else if ((VARIABLES.matcher(resource).matches() || TASK_ERRORS.matcher(resource).matches()) && !isAdministrator()) {
      RefusalBody.write(objectMapper, response, HttpStatus.FORBIDDEN.value(), "VariablesRefused",
          "Solo la administración escribe variables fuera de la tarea que las pide: complete la tarea con su"
              + " formulario.", List.of());
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The problems of a completion request's variables; none when it may go on to the engine. */
  private Optional<List<Problem>> problems(String taskId, byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    JsonNode request;
    try {
      request = objectMapper.readTree(body);
    } catch (IOException e) {
      return Optional.of(List.of(new Problem("variables", "Solicitud", "no es JSON válido")));
    }
    List<Problem> problems = policy.check(taskId, request == null ? null : request.get("variables"));
    return problems.isEmpty() ? Optional.empty() : Optional.of(problems);
  }

  private static boolean isAdministrator() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(Groups.CAMUNDA_ADMIN::equals);
  }

  /** The request with its body, already read here, to be read again by the engine's REST API. */
  private static final class ReadAgain extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Reading again is blocking only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
