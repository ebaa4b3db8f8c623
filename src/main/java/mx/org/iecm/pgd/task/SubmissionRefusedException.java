package mx.org.iecm.pgd.task;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion refused by our server-side rules; the engine rolls the completion back, so the
 * task stays open with its previous variables.
 *
 * <p>It extends the engine's form-field validation exception because that is the one the REST API
 * answers with 400 (any other engine exception becomes 500); this is the only place that depends on it.
 */
public class SubmissionRefusedException extends FormFieldValidationException {

  private final transient List<String> problems;

  SubmissionRefusedException(String taskName, List<String> problems) {
    super(problems, "No se pudo completar «" + taskName + "»: " + String.join("; ", problems) + ".");
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
