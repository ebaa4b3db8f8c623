package mx.org.iecm.pgd.execution;

/**
 * The {@code action-line-execution} process: periodic progress reports and deviation analysis.
 */
public final class ExecutionProcess {

  public static final String KEY = "action-line-execution";

  public static final String TASK_SCHEDULE_REPORTS = "Task_ScheduleReports";
  public static final String EVENT_REPORT_DATE_REACHED = "Event_ReportDateReached";
  public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
  public static final String TASK_VALIDATE_PROGRESS = "Task_ValidateProgress";
  public static final String TASK_EVALUATE_DEVIATION = "Task_EvaluateDeviation";
  public static final String TASK_ANALYSE_DEVIATION = "Task_AnalyseDeviation";
  public static final String CALL_CHANGE_AFTER_DEVIATION = "CallActivity_ChangeAfterDeviation";
  public static final String CALL_CORRECTIVE_ACTION = "CallActivity_CorrectiveActionForDeviation";
  public static final String CALL_REQUESTED_CHANGE = "CallActivity_RequestedChange";
  public static final String EVENT_EXECUTION_ENDED = "Event_ExecutionEnded";

  /** Message a staff member sends to ask for a change of the approved program at any time. */
  public static final String MESSAGE_REQUEST_CHANGE = "request-program-change";
  /** Who asked for a change of the program through {@code /api/cycles}; set by the server with the message. */
  public static final String CHANGE_REQUESTED_BY = "changeRequestedBy";

  public static final String REPORT_DATES = "reportDates";
  public static final String REPORT_DATE = "reportDate";
  public static final String ACTIVITY_PROGRESS = "activityProgress";
  public static final String INDICATOR_VALUES = "indicatorValues";
  /** What each expense item of the program has spent so far, as a report states it. */
  public static final String BUDGET_SPENT = "budgetSpent";
  /** Why a validated report is a deviation (a list of Spanish sentences); set only when it is one. */
  public static final String DEVIATION_REASONS = "deviationReasons";
  public static final String EXPECTED_PERCENT = "expectedPercent";
  public static final String DEVIATION = "deviation";
  public static final String EVIDENCE_LINKS = "evidenceLinks";
  public static final String PROBLEMS = "problems";

  /** Deviation analysis outcomes. */
  public static final String CONTINUE = "continue";
  public static final String CHANGE = "change";
  public static final String CORRECTIVE = "corrective";

  private ExecutionProcess() {
  }
}
