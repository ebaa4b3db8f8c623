package mx.org.iecm.pgd.cycle;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the process variables every process of a cycle shares. They are passed down from the
 * lifecycle to each phase and corrective action with explicit {@code camunda:in} mappings.
 */
public final class CycleVariables {

  public static final String PLAN_CODE = "planCode";
  public static final String ACTION_LINE_ID = "actionLineId";
  public static final String YEAR = "year";
  public static final String RESPONSIBLE_AREA = "responsibleArea";
  public static final String PHASE = "phase";
  /** "1.1 — Facilitar y agilizar…": what a person reads in Tasklist and Cockpit. */
  public static final String LINE_LABEL = "lineLabel";
  public static final String LINE_TEXT = "lineText";
  public static final String AREA_NAME = "areaName";
  public static final String OBJECTIVE_TEXT = "objectiveText";

  // Decisions taken in review tasks.
  public static final String DECISION = "decision";
  public static final String COMMENTS = "comments";
  public static final String DECIDED_BY = "decidedBy";
  // The last return, shown to staff on the reopened draft.
  public static final String RETURN_COMMENTS = "returnComments";
  public static final String RETURNED_BY = "returnedBy";
  public static final String RETURNED_FROM = "returnedFrom";
  /** When the work was returned, as a person reads it in Mexico City (31/03/2021 10:15). */
  public static final String RETURNED_AT = "returnedAt";

  // The work program travels as one document: planning.WorkProgram.VARIABLE.

  public static final String PROGRESS_PERCENT = "progressPercent";
  /** The last reported indicator values as short JSON text: [{"indicator", "target", "value"}]. */
  public static final String INDICATOR_SUMMARY = "indicatorSummary";
  public static final String RULING = "ruling";
  /** What a corrective action answers: the deviation analysis or the nonconformity ruling. */
  public static final String FINDING = "finding";
  public static final String ESCALATIONS = "escalations";

  public static final String CANCELLATION_REASON = "cancellationReason";
  public static final String CANCELLED_BY = "cancelledBy";

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";

  private CycleVariables() {
  }

  /**
   * Sets {@code name} unless the scope already sees that value: rewriting an unchanged value costs the
   * engine a read of its history row and two writes, and tells the record nothing new.
   */
  public static void update(VariableScope scope, String name, Object value) {
    if (value == null ? scope.hasVariable(name) && scope.getVariable(name) == null
        : value.equals(scope.getVariable(name))) {
      return;
    }
    scope.setVariable(name, value);
  }
}
