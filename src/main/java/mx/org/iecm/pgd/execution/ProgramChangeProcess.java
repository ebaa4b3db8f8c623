package mx.org.iecm.pgd.execution;

/**
 * The {@code program-change} process: a change of the approved work program, kept as a new version.
 */
public final class ProgramChangeProcess {

  public static final String KEY = "program-change";

  public static final String TASK_DRAFT_CHANGE_REQUEST = "Task_DraftChangeRequest";
  public static final String TASK_APPROVE_CHANGE_HEAD = "Task_ApproveChangeHead";
  public static final String TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY = "Task_ConfirmChangeCoResponsibility";
  public static final String TASK_APPROVE_CHANGE_SGCE = "Task_ApproveChangeSgce";
  public static final String TASK_STORE_CHANGED_VERSION = "Task_StoreChangedVersion";
  public static final String EVENT_CHANGE_APPROVED = "Event_ChangeApproved";

  public static final String CHANGE_REASON = "changeReason";
  /** The SGCE office's analysis of the deviation that led to the change, for whoever drafts it. */
  public static final String SGCE_ANALYSIS = "sgceAnalysis";
  /** What a proposed change alters in the version in force, a variable of each approval task. */
  public static final String PROGRAM_CHANGES = "programChanges";

  private ProgramChangeProcess() {
  }
}
