package mx.org.iecm.pgd.cycle;

import java.util.Map;

/**
 * The {@code action-line-lifecycle} process: one action line through one fiscal year.
 */
public final class LifecycleProcess {

  public static final String KEY = "action-line-lifecycle";

  public static final String CALL_PLANNING = "CallActivity_Planning";
  public static final String CALL_EXECUTION = "CallActivity_Execution";
  public static final String CALL_REVIEW = "CallActivity_Review";
  public static final String CALL_CLOSURE = "CallActivity_Closure";
  public static final String EVENT_CYCLE_CLOSED = "Event_CycleClosed";
  public static final String EVENT_CYCLE_CANCELLED = "Event_CycleCancelled";

  /** Message that cancels a cycle; carries {@code cancellationReason} and {@code cancelledBy}. */
  public static final String MESSAGE_CANCEL = "cancel-cycle";

  /** The phase a cycle enters when it reaches each of these activities. */
  static final Map<String, Phase> PHASE_OF_ACTIVITY = Map.of(
      CALL_PLANNING, Phase.PLANNING,
      CALL_EXECUTION, Phase.EXECUTION,
      CALL_REVIEW, Phase.REVIEW,
      CALL_CLOSURE, Phase.CLOSURE,
      EVENT_CYCLE_CLOSED, Phase.CLOSED,
      EVENT_CYCLE_CANCELLED, Phase.CANCELLED);

  private LifecycleProcess() {
  }
}
