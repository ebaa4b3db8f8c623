package mx.org.iecm.pgd.execution;

import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the year's reporting dates from the line's reporting frequency in the catalog; the line and the
 * year come from the business key.
 */
@Component("scheduleReportsDelegate")
public class ScheduleReportsDelegate implements JavaDelegate {

  private final PlanCatalog catalog;

  public ScheduleReportsDelegate(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BusinessKey cycle = BusinessKey.parse(execution.getProcessBusinessKey());
    ActionLine line = catalog.actionLine(cycle.planCode(), cycle.actionLineId())
        .orElseThrow(() -> new IllegalStateException("Unknown action line of cycle " + cycle));
    List<String> dates = new ArrayList<>(ReportSchedule.dates(cycle.year(), line.reportingFrequency(),
        PgdApplication.ZONE));
    execution.setVariable(ExecutionProcess.REPORT_DATES, dates);
  }
}
