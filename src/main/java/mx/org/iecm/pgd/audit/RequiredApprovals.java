package mx.org.iecm.pgd.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.closure.ClosureProcess;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.planning.ProgramVersions.ProgramVersion;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.review.ReviewProcess;

/**
 * What a closed cycle must show to be complete: every approval its processes require, as the journal
 * (written by the server on each accepted submission, never by a client) records them. A cycle that
 * reached its end any other way (an administrator's modification of the instance, a start at the
 * closing event) lacks some of them, and each missing one is named.
 *
 * <p>Each phase counts from its last preparation (the draft, the results, the closing report): a
 * return sends the work back to be prepared again, and only the approvals after it count. Each version
 * a program change made is checked the same way within its change.
 */
final class RequiredApprovals {

  private static final String APPROVE = "approve";
  /** The SGCE office's rulings on the results; a return is not a ruling. */
  private static final Set<String> RULINGS = Set.of("approve", "observations", "nonconforming");

  private RequiredApprovals() {
  }

  /** What the closed cycle {@code businessKey} lacks, in Spanish; empty when it is complete. */
  static List<String> missing(PlanCatalog catalog, String businessKey, CaseHistory history) {
    return missing(catalog, businessKey, history.journal(), history.versions());
  }

  static List<String> missing(PlanCatalog catalog, String businessKey, List<CaseJournal.Entry> journal,
      List<ProgramVersion> versions) {
    Optional<BusinessKey> key = BusinessKey.tryParse(businessKey);
    if (key.isEmpty()) {
      return List.of("«" + businessKey + "» no es la clave de un ciclo: el ciclo no salió de la aplicación.");
    }
    return catalog.actionLine(key.get().planCode(), key.get().actionLineId())
        .map(line -> {
          List<String> missing = new ArrayList<>(missing(journal, line));
          missing.addAll(changes(journal, versions, line));
          return missing;
        })
        .orElseGet(() -> List.of("La línea " + key.get().actionLineId() + " no está en el catálogo del plan "
            + key.get().planCode() + "."));
  }

  /** The approvals the closed cycle of {@code line} lacks, in Spanish; empty when it is complete. */
  static List<String> missing(List<CaseJournal.Entry> journal, ActionLine line) {
    List<CaseJournal.Entry> submissions = journal.stream()
        .filter(entry -> CaseJournal.SUBMISSION.equals(entry.kind())).toList();
    List<String> missing = new ArrayList<>();

    List<CaseJournal.Entry> planning = since(submissions, PlanningProcess.TASK_DRAFT_PROGRAM);
    if (planning == null) {
      missing.add("Planeación: no hay programa de trabajo elaborado por el área.");
    } else {
      require(missing, planning, PlanningProcess.TASK_APPROVE_PROGRAM_HEAD, Set.of(APPROVE), 1,
          "Planeación: falta la aprobación del programa por la persona titular del área.");
      require(missing, planning, PlanningProcess.TASK_CONFIRM_CO_RESPONSIBILITY, Set.of(APPROVE),
          line.coResponsibleAreas().size(), "Planeación: faltan confirmaciones de las áreas corresponsables ("
              + line.coResponsibleAreas().size() + " requeridas).");
      require(missing, planning, PlanningProcess.TASK_VALIDATE_PROGRAM_PLANNING, Set.of(APPROVE), 1,
          "Planeación: falta la validación de indicadores y presupuesto por la oficina de planeación.");
      require(missing, planning, PlanningProcess.TASK_REVIEW_PROGRAM_SGCE, Set.of(APPROVE), 1,
          "Planeación: falta la aprobación del programa por la Oficina del SGCE.");
    }

    int reports = 12 / line.reportingFrequency().months();
    long validated = count(submissions, ExecutionProcess.TASK_VALIDATE_PROGRESS, Set.of(APPROVE));
    if (validated < reports) {
      missing.add("Ejecución: " + validated + " de " + reports + " informes de avance validados por la persona"
          + " titular del área.");
    }

    List<CaseJournal.Entry> review = since(submissions, ReviewProcess.TASK_REPORT_RESULTS);
    if (review == null) {
      missing.add("Revisión: no hay informe de resultados del área.");
    } else {
      require(missing, review, ReviewProcess.TASK_APPROVE_RESULTS_HEAD, Set.of(APPROVE), 1,
          "Revisión: falta la aprobación de los resultados por la persona titular del área.");
      require(missing, review, ReviewProcess.TASK_RULE_RESULTS, RULINGS, 1,
          "Revisión: falta el dictamen de la Oficina del SGCE sobre los resultados.");
    }

    List<CaseJournal.Entry> closure = since(submissions, ClosureProcess.TASK_WRITE_CLOSING_REPORT);
    if (closure == null) {
      missing.add("Cierre: no hay informe de cierre del área.");
    } else {
      require(missing, closure, ClosureProcess.TASK_APPROVE_CLOSURE_HEAD, Set.of(APPROVE), 1,
          "Cierre: falta la aprobación del cierre por la persona titular del área.");
      require(missing, closure, ClosureProcess.TASK_SIGN_CLOSURE, Set.of(APPROVE), 1,
          "Cierre: falta la firma del cierre por la Oficina del SGCE.");
    }
    return missing;
  }

  /**
   * Each version made by a program change: drafted by the area, approved by its head, confirmed by every
   * co-responsible area whose activities it changed (from the version before), approved by the SGCE —
   * counted within the change's own process, from its last draft.
   */
  static List<String> changes(List<CaseJournal.Entry> journal, List<ProgramVersion> versions, ActionLine line) {
    List<String> missing = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      ProgramVersion version = versions.get(i);
      String prefix = "Modificación (versión " + version.version() + "): ";
      List<CaseJournal.Entry> change = since(journal.stream()
          .filter(entry -> CaseJournal.SUBMISSION.equals(entry.kind())
              && version.processInstanceId().equals(entry.processInstanceId()))
          .toList(), ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST);
      if (change == null) {
        missing.add(prefix + "no hay solicitud elaborada por el área.");
        continue;
      }
      require(missing, change, ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD, Set.of(APPROVE), 1,
          prefix + "falta la aprobación de la persona titular del área.");
      long touched = WorkProgram.areasTouched(WorkProgram.read(versions.get(i - 1).content()),
          WorkProgram.read(version.content())).stream().filter(line.coResponsibleAreas()::contains).count();
      require(missing, change, ProgramChangeProcess.TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY, Set.of(APPROVE),
          (int) touched, prefix + "faltan confirmaciones de las áreas corresponsables cuyas actividades cambia ("
              + touched + " requeridas).");
      require(missing, change, ProgramChangeProcess.TASK_APPROVE_CHANGE_SGCE, Set.of(APPROVE), 1,
          prefix + "falta la aprobación de la Oficina del SGCE.");
    }
    return missing;
  }

  /** The submissions from the last one of {@code preparation} on; null when there is none. */
  private static List<CaseJournal.Entry> since(List<CaseJournal.Entry> submissions, String preparation) {
    for (int i = submissions.size() - 1; i >= 0; i--) {
      if (preparation.equals(submissions.get(i).taskKey())) {
        return submissions.subList(i, submissions.size());
      }
    }
    return null;
  }

  private static void require(List<String> missing, List<CaseJournal.Entry> submissions, String taskKey,
      Set<String> decisions, int needed, String finding) {
    if (count(submissions, taskKey, decisions) < needed) {
      missing.add(finding);
    }
  }

  private static long count(List<CaseJournal.Entry> submissions, String taskKey, Set<String> decisions) {
    return submissions.stream()
        .filter(entry -> taskKey.equals(entry.taskKey()) && entry.decision() != null
            && decisions.contains(entry.decision()))
        .count();
  }
}
