package mx.org.iecm.pgd.audit;

import java.util.List;
import mx.org.iecm.pgd.audit.CaseJournal.Entry;
import mx.org.iecm.pgd.closure.LessonsLearned.Lesson;
import mx.org.iecm.pgd.evidence.EvidenceFile;
import mx.org.iecm.pgd.planning.ProgramVersions.ProgramVersion;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * Everything stored about one cycle, read in a fixed number of queries: the engine's history of every
 * process instance with the cycle's business key, and the application's own rows.
 */
record CaseHistory(
    String businessKey,
    List<HistoricProcessInstance> instances,
    List<HistoricTaskInstance> tasks,
    List<HistoricVariableInstance> variables,
    List<Entry> journal,
    List<ProgramVersion> versions,
    List<Lesson> lessons,
    List<EvidenceFile> evidence) {

  boolean isEmpty() {
    return instances.isEmpty();
  }
}
