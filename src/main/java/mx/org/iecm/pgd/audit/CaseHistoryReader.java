package mx.org.iecm.pgd.audit;

import java.util.List;
import mx.org.iecm.pgd.closure.ClosureProcess;
import mx.org.iecm.pgd.closure.LessonsLearned;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.evidence.EvidenceFiles;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.review.ReviewProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Reads a cycle's {@link CaseHistory}: six queries, whatever the number of tasks.
 *
 * <p>Only plain variables (text, numbers, flags) are read from the engine: its lists and objects are
 * stored apart and would cost one query each; what they held is in the journal's form values, the
 * program versions and the lessons learned, which are read here too.
 */
@Component
class CaseHistoryReader {

  static final String[] PLAIN_VARIABLES = {
      CycleVariables.PLAN_CODE, CycleVariables.ACTION_LINE_ID, CycleVariables.YEAR, CycleVariables.RESPONSIBLE_AREA,
      CycleVariables.PHASE, CycleVariables.LINE_LABEL, CycleVariables.LINE_TEXT, CycleVariables.AREA_NAME,
      CycleVariables.OBJECTIVE_TEXT, CycleVariables.DECISION, CycleVariables.COMMENTS, CycleVariables.DECIDED_BY,
      CycleVariables.RETURN_COMMENTS, CycleVariables.RETURNED_BY, CycleVariables.RETURNED_FROM,
      CycleVariables.PROGRESS_PERCENT, CycleVariables.INDICATOR_SUMMARY,
      CycleVariables.RULING, CycleVariables.FINDING, CycleVariables.CANCELLATION_REASON, CycleVariables.CANCELLED_BY,
      PlanningProcess.CO_RESPONSIBLE_RETURNS, PlanningProcess.CO_AREA, ProgramChangeProcess.CHANGE_REASON,
      ExecutionProcess.REPORT_DATE, ExecutionProcess.EXPECTED_PERCENT, ExecutionProcess.DEVIATION,
      ExecutionProcess.EVIDENCE_LINKS, ExecutionProcess.PROBLEMS, ReviewProcess.RESULTS_SUMMARY,
      ClosureProcess.CLOSING_REPORT, CorrectiveActionProcess.ROOT_CAUSE, CorrectiveActionProcess.IMPLEMENTATION_REPORT};

  private final HistoryService historyService;
  private final CaseJournal journal;
  private final ProgramVersions versions;
  private final LessonsLearned lessons;
  private final EvidenceFiles evidence;

  CaseHistoryReader(HistoryService historyService, CaseJournal journal, ProgramVersions versions,
      LessonsLearned lessons, EvidenceFiles evidence) {
    this.historyService = historyService;
    this.journal = journal;
    this.versions = versions;
    this.lessons = lessons;
    this.evidence = evidence;
  }

  CaseHistory read(String businessKey) {
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().asc().list();
    if (instances.isEmpty()) {
      return new CaseHistory(businessKey, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
    List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(PLAIN_VARIABLES)
        .disableBinaryFetching()
        .disableCustomObjectDeserialization()
        .list();
    return new CaseHistory(businessKey, instances,
        historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey)
            .orderByHistoricActivityInstanceStartTime().asc().list(),
        variables, journal.of(businessKey), versions.of(businessKey), lessons.ofCase(businessKey),
        evidence.ofCycle(businessKey));
  }
}
