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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.ApplicationIdentity;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.task.CompletionPolicy;
import mx.org.iecm.pgd.task.Problem;
import mx.org.iecm.pgd.web.EngineApiPolicy.Access;
import mx.org.iecm.pgd.web.EngineApiPolicy.Rule;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets through the engine APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}),
 * which anyone logged in can call by hand, only the writes of {@link EngineApiPolicy}:
 *
 * <ul>
 *   <li>completing a task writes only the fields of the task's form, typed as the form declares them
 *       ({@link CompletionPolicy}); anything else is refused with 400 and nothing is written, whoever asks;
 *   <li>a claim is for oneself, an unclaim for the assignee, a comment or an attachment for the people who
 *       may work the task;
 *   <li>queries go on to the engine, which answers with what the caller may read;
 *   <li>every other write is for {@code camunda-admin} only; anyone else gets 403 with a Spanish message;
 *   <li>authorizations are created to grant, never to revoke, whoever asks.
 * </ul>
 *
 * <p>The rules sit at the HTTP edge because that is where people reach the engine: the engine's own
 * authorizations cannot tell a cycle moved by its process from one moved by hand, and some resources
 * (jobs without a process definition) it does not check at all.
 */
public class EngineWritesFilter extends OncePerRequestFilter {

  static final int MAX_BODY = 2 * 1024 * 1024;
  private static final Pattern TASK_ID = Pattern.compile("task/([^/]+)/.*");
  private static final String AUTHORIZATION_CREATE = "authorization/create";
  static final String REVOKE_REFUSED = "La aplicación solo concede permisos: no se crean autorizaciones que los"
      + " niegan (tipo REVOKE, «DENEGAR» en Admin). Para quitar un permiso, quítelo de la autorización que lo"
      + " concede o borre esa autorización.";

  private final CompletionPolicy policy;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ObjectMapper objectMapper;

  public EngineWritesFilter(CompletionPolicy policy, TaskService taskService, IdentityService identityService,
      ObjectMapper objectMapper) {
    this.policy = policy;
    this.taskService = taskService;
    this.identityService = identityService;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return EngineApiPolicy.isRead(request.getMethod()) || EngineApiPaths.resource(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String resource = EngineApiPaths.resource(request).orElseThrow();
    Optional<Rule> rule = EngineApiPolicy.rule(request.getMethod(), resource);
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (rule.isPresent() && rule.get().access() == Access.COMPLETE) {
      complete(request, response, chain, taskId(resource), caller);
    } else if (isAdministrator(caller)) {
      if (AUTHORIZATION_CREATE.equals(resource) && "POST".equals(request.getMethod())) {
        createAuthorization(request, response, chain);
      } else {
        chain.doFilter(request, response);
      }
    } else if (rule.isEmpty() || caller == null) {
      boolean variables = EngineApiPolicy.VARIABLES.matcher(resource).matches();
      refuse(response, HttpStatus.FORBIDDEN, variables ? "VariablesRefused" : "EngineWriteRefused",
          variables ? EngineApiPolicy.VARIABLES_REFUSED : EngineApiPolicy.WRITE_REFUSED);
    } else {
      switch (rule.get().access()) {
        case QUERY -> chain.doFilter(request, response);
        case CLAIM_FOR_ONESELF -> claim(request, response, chain, taskId(resource), caller);
        case UNCLAIM_OWN -> unclaim(response, taskId(resource), caller);
        case WORK_TASK -> onTask(request, response, chain, taskId(resource), task -> mayWork(task, caller) ? null
            : "Solo quien puede trabajar esta tarea (su grupo o la persona asignada) agrega comentarios o archivos.");
        default -> throw new IllegalStateException("Unhandled access " + rule.get().access());
      }
    }
  }

  /**
   * A completion writes only its form's fields, whoever asks. A task the caller may not read answers 404,
   * as if it did not exist, without telling which fields its form writes nor that it exists (on both engine
   * APIs, whether or not the engine already knows the caller at this point).
   *
   * <p>The fields are checked on the task read in the application's name, and the caller's permission to
   * read it is asked only when the answer would say something about the task: before refusing fields
   * (400), and when the engine refuses the completion itself (its 403 names the task and the permission
   * missing). A completion that goes through needs no such question, since the engine has checked that the
   * caller may work the task: one permission check less per completion (BENCHMARKS.md §14).
   */
  private void complete(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String taskId,
      Authentication caller) throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuseFields(response, List.of(new Problem("variables", "Solicitud", "excede " + MAX_BODY / 1024 + " KiB")));
      return;
    }
    boolean person = caller != null && !(caller instanceof AnonymousAuthenticationToken);
    Optional<List<Problem>> problems;
    try {
      problems = person ? ApplicationIdentity.call(identityService, () -> problems(taskId, body))
          : problems(taskId, body);
    } catch (NotFoundException e) {
      notFound(response, taskId);
      return;
    }
    if (problems.isPresent()) {
      if (person && !mayRead(caller, taskId)) {
        notFound(response, taskId);
      } else {
        refuseFields(response, problems.get());
      }
      return;
    }
    if (!person) {
      chain.doFilter(new ReadAgain(request, body), response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(new ReadAgain(request, body), answer);
    if (answer.getStatus() == HttpStatus.FORBIDDEN.value() && !mayRead(caller, taskId)) {
      answer.resetBuffer();
      notFound(response, taskId);
    } else {
      answer.copyBodyToResponse();
    }
  }

  /**
   * The administration creates authorizations that grant, never ones that revoke: the engine does not look
   * for revoking authorizations ({@code AuthorizationBootstrap.revokeChecks}), so one would not take effect.
   * The engine reads the type as a number, also from a string or a fraction; it is read here the same way.
   */
  private void createAuthorization(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, HttpStatus.BAD_REQUEST, "AuthorizationRefused",
          "La solicitud excede " + MAX_BODY / 1024 + " KiB.");
      return;
    }
    JsonNode type = null;
    try {
      JsonNode authorization = body.length == 0 ? null : objectMapper.readTree(body);
      type = authorization == null ? null : authorization.get("type");
    } catch (IOException e) {
      // Not JSON: the engine refuses it itself.
    }
    if (type != null && type.asInt(Authorization.AUTH_TYPE_GRANT) == Authorization.AUTH_TYPE_REVOKE) {
      refuse(response, HttpStatus.BAD_REQUEST, "AuthorizationRefused", REVOKE_REFUSED);
      return;
    }
    chain.doFilter(new ReadAgain(request, body), response);
  }

  /** Whether the caller may read the task, asked in their name. */
  private boolean mayRead(Authentication caller, String taskId) {
    return ApplicationIdentity.callAs(identityService, caller.getName(), groups(caller), () -> policy.mayRead(taskId));
  }

  private void refuseFields(HttpServletResponse response, List<Problem> problems) throws IOException {
    RefusalBody.write(objectMapper, response, HttpStatus.BAD_REQUEST.value(), RefusalBody.SUBMISSION_REFUSED,
        "No se pudo completar la tarea: " + String.join("; ", problems.stream().map(Problem::text).toList()) + ".",
        problems);
  }

  private void notFound(HttpServletResponse response, String taskId) throws IOException {
    refuse(response, HttpStatus.NOT_FOUND, "TaskNotFound", CompletionPolicy.notFound(taskId).getMessage());
  }

  /** A claim names the person who takes the task: only oneself. */
  private void claim(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String taskId,
      Authentication caller) throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    String userId = null;
    try {
      JsonNode claim = body.length == 0 || body.length > MAX_BODY ? null : objectMapper.readTree(body);
      userId = claim == null || !claim.path("userId").isTextual() ? null : claim.get("userId").asText();
    } catch (IOException e) {
      // Not JSON: refused below like a claim without a user.
    }
    if (!caller.getName().equals(userId)) {
      refuse(response, HttpStatus.FORBIDDEN, "ClaimRefused", "Solo puede reclamar la tarea para usted («"
          + caller.getName() + "»): asignarla a otra persona es de la administración.");
      return;
    }
    onTask(new ReadAgain(request, body), response, chain, taskId, task -> null);
  }

  /**
   * Releases a task its assignee holds. The engine's REST API releases by setting the assignee, which
   * needs more than the right to work the task; a release is a claim by nobody, which the assignee may do.
   */
  private void unclaim(HttpServletResponse response, String taskId, Authentication caller) throws IOException {
    Task task = task(taskId);
    if (task == null) {
      notFound(response, taskId);
    } else if (!caller.getName().equals(task.getAssignee())) {
      refuse(response, HttpStatus.FORBIDDEN, "TaskWriteRefused", "Solo quien tiene asignada la tarea puede liberarla.");
    } else {
      ApplicationIdentity.runAs(identityService, caller.getName(), groups(caller),
          () -> taskService.claim(taskId, null));
      response.setStatus(HttpStatus.NO_CONTENT.value());
    }
  }

  /** The open task, whoever may see it; null when there is none. */
  private Task task(String taskId) {
    return ApplicationIdentity.call(identityService,
        () -> taskService.createTaskQuery().taskId(taskId).list().stream().findFirst().orElse(null));
  }

  private static List<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  /** Lets the request through when the task exists and {@code refusal} has nothing against it. */
  private void onTask(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String taskId,
      Function<Task, String> refusal) throws ServletException, IOException {
    Task task = task(taskId);
    if (task == null) {
      notFound(response, taskId);
      return;
    }
    String refused = refusal.apply(task);
    if (refused != null) {
      refuse(response, HttpStatus.FORBIDDEN, "TaskWriteRefused", refused);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The task's assignee, or a member of one of its candidate groups. */
  private boolean mayWork(Task task, Authentication caller) {
    if (caller.getName().equals(task.getAssignee())) {
      return true;
    }
    List<String> groups = groups(caller);
    return !groups.isEmpty() && ApplicationIdentity.call(identityService, () -> taskService.createTaskQuery()
        .taskId(task.getId()).taskCandidateGroupIn(groups).includeAssignedTasks().count() > 0);
  }

  private static String taskId(String resource) {
    Matcher task = TASK_ID.matcher(resource);
    if (!task.matches()) {
      throw new IllegalStateException("Not a task resource: " + resource);
    }
    return task.group(1);
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String type, String message)
      throws IOException {
    RefusalBody.write(objectMapper, response, status.value(), type, message, List.of());
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

  private static boolean isAdministrator(Authentication authentication) {
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
