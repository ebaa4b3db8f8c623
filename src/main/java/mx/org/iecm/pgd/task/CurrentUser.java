package mx.org.iecm.pgd.task;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is completing a task: the user the engine was told about by Tasklist, the REST API or our API.
 */
final class CurrentUser {

  private CurrentUser() {
  }

  static String of(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
