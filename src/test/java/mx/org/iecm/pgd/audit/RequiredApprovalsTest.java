package mx.org.iecm.pgd.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import mx.org.iecm.pgd.planning.ProgramVersions.ProgramVersion;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.support.ProcessBeans;
import mx.org.iecm.pgd.support.Submissions;
import org.junit.jupiter.api.Test;

/** The approvals each version made by a program change must show in the expediente. */
class RequiredApprovalsTest {

  static final String KEY = "PGD-2020-2023:1.1:2021";
  /** Line 1.1: deoeyg responsible, utalaod co-responsible. */
  static final ActionLine LINE = ProcessBeans.CATALOG.plan("PGD-2020-2023").orElseThrow().actionLine("1.1")
      .orElseThrow();

  private final List<CaseJournal.Entry> journal = new ArrayList<>();

  private void submitted(String instance, String taskKey, String decision) {
    journal.add(new CaseJournal.Entry(journal.size() + 1, KEY, instance, CaseJournal.SUBMISSION, "task-" + journal.size(),
        taskKey, taskKey, "someone", decision, null, null, "{}", Instant.parse("2021-05-01T15:00:00Z")));
  }

  private static ProgramVersion version(int number, ObjectNode content, String instance) {
    return new ProgramVersion(KEY, number, content.toString(), "motivo", "sgce1",
        Instant.parse("2021-05-02T15:00:00Z"), instance);
  }

  private static ObjectNode program(String secondActivityEnd) {
    ObjectNode program = WorkProgram.read(Submissions.workProgramJson(2021));
    ((ObjectNode) program.get("activities").get(1)).put("area", "utalaod").put("end", secondActivityEnd);
    return program;
  }

  @Test
  void aChangeOfACoResponsibleAreasActivityNeedsItsConfirmationAfterTheLastDraft() {
    submitted("change-1", ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, null);
    submitted("change-1", ProgramChangeProcess.TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY, "approve");
    submitted("change-1", ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, null);
    submitted("change-1", ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD, "approve");
    submitted("change-1", ProgramChangeProcess.TASK_APPROVE_CHANGE_SGCE, "approve");
    List<ProgramVersion> versions = List.of(version(1, program("2021-12-15"), "planning"),
        version(2, program("2021-12-31"), "change-1"));

    assertThat(RequiredApprovals.changes(journal, versions, LINE)).containsExactly("Modificación (versión 2):"
        + " faltan confirmaciones de las áreas corresponsables cuyas actividades cambia (1 requeridas).");

    submitted("change-1", ProgramChangeProcess.TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY, "approve");
    assertThat(RequiredApprovals.changes(journal, versions, LINE)).isEmpty();
  }

  @Test
  void aVersionWithoutTheChangeThatShouldHaveMadeItIsNamed() {
    submitted("change-2", ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, null);
    submitted("change-2", ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD, "return");
    List<ProgramVersion> versions = List.of(version(1, program("2021-12-15"), "planning"),
        version(2, program("2021-12-15"), "change-2"), version(3, program("2021-12-15"), "forged"));

    assertThat(RequiredApprovals.changes(journal, versions, LINE)).containsExactly(
        "Modificación (versión 2): falta la aprobación de la persona titular del área.",
        "Modificación (versión 2): falta la aprobación de la Oficina del SGCE.",
        "Modificación (versión 3): no hay solicitud elaborada por el área.");
  }
}
