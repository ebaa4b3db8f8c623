package mx.org.iecm.pgd.planning;

/**
 * The {@code action-line-planning} process: the yearly work program, drafted and approved.
 */
public final class PlanningProcess {

  public static final String KEY = "action-line-planning";

  public static final String TASK_DRAFT_PROGRAM = "Task_DraftProgram";
  public static final String TASK_APPROVE_PROGRAM_HEAD = "Task_ApproveProgramHead";
  public static final String TASK_CONFIRM_CO_RESPONSIBILITY = "Task_ConfirmCoResponsibility";
  public static final String TASK_VALIDATE_PROGRAM_PLANNING = "Task_ValidateProgramPlanning";
  public static final String TASK_REVIEW_PROGRAM_SGCE = "Task_ReviewProgramSgce";
  public static final String TASK_STORE_PROGRAM_VERSION = "Task_StoreProgramVersion";
  public static final String EVENT_PROGRAM_APPROVED = "Event_ProgramApproved";

  /** Returns by co-responsible heads in the current round; any return sends the draft back. */
  public static final String CO_RESPONSIBLE_RETURNS = "coResponsibleReturns";
  /** The co-responsible area of one confirmation task (multi-instance element). */
  public static final String CO_AREA = "coArea";
  /** The name of the co-responsible area a confirmation asks, a variable of that task. */
  public static final String CO_AREA_NAME = "coAreaName";

  private PlanningProcess() {
  }
}
