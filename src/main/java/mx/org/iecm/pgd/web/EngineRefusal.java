package mx.org.iecm.pgd.web;

import java.util.List;
import mx.org.iecm.pgd.task.Problem;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A request our rules refused inside the engine (a task completion, a cycle start). The engine rolls
 * the work back, and its REST API answers with its own English wrapping of our message (and 500 for a
 * start); the refusal is therefore also left on the HTTP request being served, from where
 * {@link RefusedEngineRequestFilter} answers 400 with the Spanish message and each problem's field.
 */
public interface EngineRefusal {

  /** The request attribute that holds the refusal. */
  String REQUEST_ATTRIBUTE = EngineRefusal.class.getName();

  /** The {@code type} of the answer, e.g. {@code SubmissionRefused}. */
  String refusalType();

  String getMessage();

  List<Problem> problems();

  /** Leaves the refusal on the HTTP request being served, if any, and returns it to be thrown. */
  static <T extends EngineRefusal> T onCurrentRequest(T refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(REQUEST_ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
    }
    return refusal;
  }
}
