package mx.org.iecm.pgd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.planning.WorkProgram;

/**
 * The expediente of one cycle as auditors read it: who did what and when, what was decided and why,
 * the versions of the work program, the lessons learned, the checks of the quality rules and the seal.
 */
public record CaseRecord(
    String businessKey,
    String planCode,
    String actionLineId,
    int year,
    String lineText,
    String responsibleArea,
    String responsibleAreaName,
    String outcome,
    Instant startedAt,
    String startedBy,
    Instant endedAt,
    Cancellation cancellation,
    List<TaskRecord> tasks,
    List<Escalation> escalations,
    List<ProgramVersionRecord> programVersions,
    List<LessonRecord> lessons,
    List<EvidenceRecord> evidence,
    List<TaskRecord> rulings,
    List<TimelineEntry> timeline,
    Checks checks,
    SealInfo seal,
    Map<String, String> people) {

  /** A person as the expediente names them: «Ana Pérez (utsi-staff1)»; the user id alone if unknown. */
  public String person(String userId) {
    if (userId == null) {
      return null;
    }
    String name = people == null ? null : people.get(userId);
    return name == null ? userId : name + " (" + userId + ")";
  }

  public record Cancellation(String reason, String cancelledBy) {
  }

  /**
   * One task: {@code decision} as sent (a code), {@code decisionLabel} as the record reads it
   * («Aprobado», «Devuelto»), {@code formValues} as sent and {@code values} as a person reads them.
   */
  public record TaskRecord(String taskId, String processInstanceId, String process, String taskKey, String name,
      String assignee, String completedBy, Instant created, Instant due, Instant completed, boolean late,
      String decision, String decisionLabel, String comments, JsonNode formValues, List<WorkProgram.Line> values,
      String outcome) {
  }

  public record Escalation(String taskKey, String task, Instant at, String detail) {
  }

  /**
   * One approved version of the work program: its document as stored, the same field by field as a
   * person reads it, and what it changed from the version before (empty for the first).
   */
  public record ProgramVersionRecord(int version, String reason, String approvedBy, Instant approvedAt,
      JsonNode content, List<WorkProgram.Line> fields, List<WorkProgram.Change> changes) {
  }

  /**
   * An evidence file of a task: what was uploaded, its SHA-256 (which the seal covers), who and when, and
   * where auditors download it.
   */
  public record EvidenceRecord(String id, String taskId, String taskName, String fileName, String mediaType,
      String typeLabel, long size, String sha256, String uploadedBy, Instant uploadedAt, String download) {

    /** 832 bytes, 2.7 KB, 25.0 MB. */
    public String sizeLabel() {
      return mx.org.iecm.pgd.evidence.EvidenceFile.sizeLabel(size);
    }
  }

  public record LessonRecord(String category, String categoryLabel, String lesson, String recordedBy,
      Instant recordedAt) {
  }

  public record TimelineEntry(Instant at, String kind, String description, String actor) {
  }

  public record Check(boolean passed, String description, List<String> findings) {
  }

  public record Checks(Check approvalsComplete, Check programApprovedBeforeExecution,
      Check correctiveActionsClosedBeforeClosure, Check noSelfApproval, Check tasksOnTime) {

    /** The checks in the order the expediente, its page and its PDF show them. */
    public List<Check> all() {
      return List.of(approvalsComplete, programApprovedBeforeExecution, correctiveActionsClosedBeforeClosure,
          noSelfApproval, tasksOnTime);
    }
  }

  /** {@code complete}: whether the cycle showed every required approval when sealed (null: not checked then). */
  public record SealInfo(String algorithm, String digest, Instant sealedAt, String sealedBy, Boolean complete) {
  }
}
