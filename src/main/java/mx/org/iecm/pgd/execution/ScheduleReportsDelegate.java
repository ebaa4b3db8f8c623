package mx.org.iecm.pgd.execution;

import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.CycleVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the year's reporting dates from the line's reporting frequency in the catalog.
 */
@Component("scheduleReportsDelegate")
public class ScheduleReportsDelegate implements JavaDelegate {

  private final PlanCatalog catalog;

  public ScheduleReportsDelegate(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String planCode = (String) execution.getVariable(CycleVariables.PLAN_CODE);
    String lineId = (String) execution.getVariable(CycleVariables.ACTION_LINE_ID);
    int year = ((Number) execution.getVariable(CycleVariables.YEAR)).intValue();
    ActionLine line = catalog.plan(planCode).flatMap(plan -> plan.actionLine(lineId))
        .orElseThrow(() -> new IllegalStateException("Unknown action line " + lineId + " in " + planCode));
    List<String> dates = new ArrayList<>(ReportSchedule.dates(year, line.reportingFrequency(), PgdApplication.ZONE));
    execution.setVariable(ExecutionProcess.REPORT_DATES, dates);
  }
}
