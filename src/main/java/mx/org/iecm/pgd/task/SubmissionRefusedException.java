package mx.org.iecm.pgd.task;

import java.util.List;
import mx.org.iecm.pgd.web.EngineRefusal;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion refused by our server-side rules; the engine rolls the completion back, so the
 * task stays open with its previous variables.
 *
 * <p>It extends the engine's form-field validation exception because that is the one the REST API
 * answers with 400 (any other engine exception becomes 500); this is the only place that depends on it.
 * The REST API puts its own English prefix before our message and drops the list of problems, so a
 * refusal made during an HTTP request is also left on that request ({@link EngineRefusal}), from where
 * the web layer answers with the Spanish message and each problem's field.
 */
public class SubmissionRefusedException extends FormFieldValidationException implements EngineRefusal {

  private final String taskName;
  private final transient List<Problem> problems;

  SubmissionRefusedException(String taskName, List<Problem> problems) {
    super(problems.stream().map(Problem::text).toList(), "No se pudo completar «" + taskName + "»: "
        + String.join("; ", problems.stream().map(Problem::text).toList()) + ".");
    this.taskName = taskName;
    this.problems = List.copyOf(problems);
  }

  @Override
  public String refusalType() {
    return "SubmissionRefused";
  }

  public String taskName() {
    return taskName;
  }

  @Override
  public List<Problem> problems() {
    return problems;
  }
}
