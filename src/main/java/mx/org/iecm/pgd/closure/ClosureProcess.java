package mx.org.iecm.pgd.closure;

/**
 * The {@code action-line-closure} process: closing report, lessons learned and the SGCE signature.
 */
public final class ClosureProcess {

  public static final String KEY = "action-line-closure";

  public static final String TASK_WRITE_CLOSING_REPORT = "Task_WriteClosingReport";
  public static final String TASK_APPROVE_CLOSURE_HEAD = "Task_ApproveClosureHead";
  public static final String TASK_SIGN_CLOSURE = "Task_SignClosure";
  public static final String TASK_STORE_LESSONS = "Task_StoreLessons";
  public static final String EVENT_CLOSURE_SIGNED = "Event_ClosureSigned";

  public static final String CLOSING_REPORT = "closingReport";
  public static final String LESSONS = "lessons";

  private ClosureProcess() {
  }
}
