package mx.org.iecm.pgd.correctiveaction;

/**
 * The {@code corrective-action} process (ISO 9001, 10.2).
 */
public final class CorrectiveActionProcess {

  public static final String KEY = "corrective-action";

  public static final String TASK_ANALYSE_ROOT_CAUSE = "Task_AnalyseRootCause";
  public static final String TASK_APPROVE_ACTION_PLAN = "Task_ApproveActionPlan";
  public static final String TASK_IMPLEMENT_ACTIONS = "Task_ImplementActions";
  public static final String TASK_VERIFY_EFFECTIVENESS = "Task_VerifyEffectiveness";
  public static final String EVENT_CORRECTIVE_ACTION_CLOSED = "Event_CorrectiveActionClosed";

  public static final String ROOT_CAUSE = "rootCause";
  public static final String ACTION_PLAN = "actionPlan";
  public static final String IMPLEMENTATION_REPORT = "implementationReport";

  private CorrectiveActionProcess() {
  }
}
