package mx.org.iecm.pgd.task;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A task completion refused by our server-side rules; the engine rolls the completion back, so the
 * task stays open with its previous variables.
 *
 * <p>It extends the engine's form-field validation exception because that is the one the REST API
 * answers with 400 (any other engine exception becomes 500); this is the only place that depends on it.
 * The REST API puts its own English prefix before our message and drops the list of problems, so a
 * refusal made during an HTTP request is also left on that request ({@link #REQUEST_ATTRIBUTE}), from
 * where the web layer answers with the Spanish message and each problem's field.
 */
public class SubmissionRefusedException extends FormFieldValidationException {

  /** The request attribute that holds the refusal of a completion requested over HTTP. */
  public static final String REQUEST_ATTRIBUTE = SubmissionRefusedException.class.getName();

  private final String taskName;
  private final transient List<Problem> problems;

  SubmissionRefusedException(String taskName, List<Problem> problems) {
    super(problems.stream().map(Problem::text).toList(), "No se pudo completar «" + taskName + "»: "
        + String.join("; ", problems.stream().map(Problem::text).toList()) + ".");
    this.taskName = taskName;
    this.problems = List.copyOf(problems);
  }

  /** Leaves the refusal on the HTTP request being served, if any, and returns it to be thrown. */
  static SubmissionRefusedException onCurrentRequest(SubmissionRefusedException refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(REQUEST_ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
    }
    return refusal;
  }

  public String taskName() {
    return taskName;
  }

  public List<Problem> problems() {
    return problems;
  }
}
