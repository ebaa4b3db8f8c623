package mx.org.iecm.pgd.review;

/**
 * The {@code action-line-review} process: final results and the SGCE office's ruling.
 */
public final class ReviewProcess {

  public static final String KEY = "action-line-review";

  public static final String TASK_REPORT_RESULTS = "Task_ReportResults";
  public static final String TASK_APPROVE_RESULTS_HEAD = "Task_ApproveResultsHead";
  public static final String TASK_RULE_RESULTS = "Task_RuleResults";
  public static final String CALL_CORRECTIVE_ACTION = "CallActivity_CorrectiveActionForNonconformity";
  public static final String EVENT_RESULTS_RULED = "Event_ResultsRuled";

  public static final String INDICATOR_RESULTS = "indicatorResults";
  public static final String RESULTS_SUMMARY = "resultsSummary";

  /** Rulings besides approve ("conforme") and return. */
  public static final String OBSERVATIONS = "observations";
  public static final String NONCONFORMING = "nonconforming";

  private ReviewProcess() {
  }
}
