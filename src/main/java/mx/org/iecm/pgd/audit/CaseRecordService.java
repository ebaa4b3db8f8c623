package mx.org.iecm.pgd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.Arrays;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.planning.WorkProgram;
import java.util.Map;
import mx.org.iecm.pgd.audit.CaseRecord.Cancellation;
import mx.org.iecm.pgd.audit.CaseRecord.Check;
import mx.org.iecm.pgd.audit.CaseRecord.Checks;
import mx.org.iecm.pgd.audit.CaseRecord.Escalation;
import mx.org.iecm.pgd.audit.CaseRecord.EvidenceRecord;
import mx.org.iecm.pgd.audit.CaseRecord.LessonRecord;
import mx.org.iecm.pgd.audit.CaseRecord.ProgramVersionRecord;
import mx.org.iecm.pgd.audit.CaseRecord.SealInfo;
import mx.org.iecm.pgd.audit.CaseRecord.TaskRecord;
import mx.org.iecm.pgd.audit.CaseRecord.TimelineEntry;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.closure.ClosureProcess;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.cycle.LifecycleProcess;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.task.DeclaredTask;
import mx.org.iecm.pgd.task.UserTasks;
import org.camunda.bpm.engine.IdentityService;
import mx.org.iecm.pgd.task.TaskForm;
import mx.org.iecm.pgd.closure.LessonsLearned;
import mx.org.iecm.pgd.ApplicationIdentity;
import mx.org.iecm.pgd.web.NotFoundException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Builds a cycle's expediente from its history and journal, with the checks an auditor makes.
 */
@Service
public class CaseRecordService {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CaseHistoryReader reader;
  private final CaseSeals seals;
  private final PlanCatalog catalog;
  private final UserTasks userTasks;

  private final IdentityService identityService;

  CaseRecordService(CaseHistoryReader reader, CaseSeals seals, PlanCatalog catalog, UserTasks userTasks,
      IdentityService identityService) {
    this.reader = reader;
    this.seals = seals;
    this.catalog = catalog;
    this.userTasks = userTasks;
    this.identityService = identityService;
  }

  public CaseRecord record(String businessKey) {
    BusinessKey key;
    try {
      key = BusinessKey.parse(businessKey);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(e.getMessage());
    }
    CaseHistory history = reader.read(businessKey);
    HistoricProcessInstance cycle = history.instances().stream()
        .filter(instance -> LifecycleProcess.KEY.equals(instance.getProcessDefinitionKey())).findFirst()
        .orElseThrow(() -> new NotFoundException("No hay un ciclo con la clave «" + businessKey + "»."));
    Map<String, HistoricProcessInstance> instances = new HashMap<>();
    history.instances().forEach(instance -> instances.put(instance.getId(), instance));
    Map<String, Object> cycleVariables = new HashMap<>();
    for (HistoricVariableInstance variable : history.variables()) {
      if (variable.getProcessInstanceId().equals(cycle.getId())) {
        cycleVariables.put(variable.getName(), CanonicalRecord.valueText(variable));
      }
    }

    List<TaskRecord> tasks = tasks(history, instances, userTasks);
    List<Escalation> escalations = history.journal().stream()
        .filter(entry -> CaseJournal.ESCALATION.equals(entry.kind()))
        .map(entry -> new Escalation(entry.taskKey(), entry.taskName(), entry.recordedAt(), entry.comments()))
        .toList();
    List<ProgramVersionRecord> versions = new ArrayList<>();
    JsonNode previous = null;
    for (ProgramVersions.ProgramVersion version : history.versions()) {
      JsonNode content = WorkProgram.read(version.content());
      versions.add(new ProgramVersionRecord(version.version(), version.reason(), version.approvedBy(),
          version.approvedAt(), json(version.content()), WorkProgram.describe(content),
          previous == null ? List.of() : WorkProgram.changes(previous, content)));
      previous = content;
    }
    List<LessonRecord> lessons = history.lessons().stream()
        .map(lesson -> new LessonRecord(lesson.category(), LessonsLearned.categoryLabel(lesson.category()),
            lesson.lesson(), lesson.recordedBy(), lesson.recordedAt()))
        .toList();
    List<EvidenceRecord> evidence = history.evidence().stream()
        .map(file -> new EvidenceRecord(file.id(), file.taskId(), file.taskName(), file.fileName(), file.mediaType(),
            file.typeLabel(), file.size(), file.sha256(), file.uploadedBy(), file.uploadedAt(),
            "/api/evidence/" + file.id()))
        .toList();
    String phase = (String) cycleVariables.get(CycleVariables.PHASE);
    String outcome = cycle.getEndTime() == null ? "running" : "cancelled".equals(phase) ? "cancelled" : "closed";
    Cancellation cancellation = cycleVariables.containsKey(CycleVariables.CANCELLATION_REASON)
        ? new Cancellation((String) cycleVariables.get(CycleVariables.CANCELLATION_REASON),
            (String) cycleVariables.get(CycleVariables.CANCELLED_BY))
        : null;
    String areaCode = (String) cycleVariables.getOrDefault(CycleVariables.RESPONSIBLE_AREA, "");
    SealInfo seal = seals.find(businessKey).orElse(null);
    return new CaseRecord(businessKey, key.planCode(), key.actionLineId(), key.year(),
        (String) cycleVariables.get(CycleVariables.LINE_TEXT), areaCode,
        catalog.area(areaCode).map(Area::name).orElse(areaCode), outcome,
        cycle.getStartTime().toInstant(), cycle.getStartUserId(),
        cycle.getEndTime() == null ? null : cycle.getEndTime().toInstant(), cancellation, tasks, escalations,
        versions, lessons, evidence, tasks.stream().filter(task -> task.decision() != null && userTasks.find(task.taskKey())
            .map(DeclaredTask::rules).orElse(false)).toList(),
        timeline(tasks, escalations, versions, cycle, cancellation),
        checks(history, tasks, key, outcome), seal,
        people(tasks, versions, lessons, evidence, cycle.getStartUserId(),
            cancellation == null ? null : cancellation.cancelledBy(), seal == null ? null : seal.sealedBy()));
  }

  /** The full names of everyone the record names, in one query of the directory. */
  private Map<String, String> people(List<TaskRecord> tasks, List<ProgramVersionRecord> versions,
      List<LessonRecord> lessons, List<EvidenceRecord> evidence, String... others) {
    Set<String> ids = new HashSet<>();
    tasks.forEach(task -> {
      ids.add(task.assignee());
      ids.add(task.completedBy());
    });
    versions.forEach(version -> ids.add(version.approvedBy()));
    lessons.forEach(lesson -> ids.add(lesson.recordedBy()));
    evidence.forEach(file -> ids.add(file.uploadedBy()));
    ids.addAll(Arrays.asList(others));
    ids.remove(null);
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    ApplicationIdentity.call(identityService, () -> identityService.createUserQuery()
        .userIdIn(ids.toArray(String[]::new)).list()).forEach(user -> {
          String name = String.join(" ", java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
              .filter(part -> part != null && !part.isBlank()).toList());
          if (!name.isEmpty()) {
            names.put(user.getId(), name);
          }
        });
    return names;
  }

  private static List<TaskRecord> tasks(CaseHistory history, Map<String, HistoricProcessInstance> instances,
      UserTasks userTasks) {
    // Each journal row names the task it records; rows written before the journal kept the task (none
    // since) are paired with the finished tasks of their activity in order.
    Map<String, CaseJournal.Entry> byTask = new HashMap<>();
    Map<String, LinkedList<CaseJournal.Entry>> submissions = new HashMap<>();
    for (CaseJournal.Entry entry : history.journal()) {
      if (!CaseJournal.SUBMISSION.equals(entry.kind())) {
        continue;
      }
      if (entry.taskId() != null) {
        byTask.put(entry.taskId(), entry);
      } else {
        submissions.computeIfAbsent(entry.processInstanceId() + "#" + entry.taskKey(), k -> new LinkedList<>())
            .add(entry);
      }
    }
    // Instances of the same task follow one another: each is created after the previous one ends.
    List<HistoricTaskInstance> finished = new ArrayList<>(history.tasks());
    finished.sort(Comparator.comparing((HistoricTaskInstance task) -> task.getStartTime().toInstant())
        .thenComparing(HistoricTaskInstance::getId));
    List<TaskRecord> records = new ArrayList<>();
    for (HistoricTaskInstance task : finished) {
      CaseJournal.Entry submission = null;
      boolean completed = task.getEndTime() != null && (task.getDeleteReason() == null
          || "completed".equals(task.getDeleteReason()));
      if (completed) {
        submission = byTask.get(task.getId());
        if (submission == null) {
          LinkedList<CaseJournal.Entry> queue =
              submissions.get(task.getProcessInstanceId() + "#" + task.getTaskDefinitionKey());
          submission = queue == null ? null : queue.poll();
        }
      }
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      Instant end = task.getEndTime() == null ? null : task.getEndTime().toInstant();
      HistoricProcessInstance instance = instances.get(task.getProcessInstanceId());
      records.add(new TaskRecord(task.getId(), task.getProcessInstanceId(),
          instance == null ? null : instance.getProcessDefinitionName(), task.getTaskDefinitionKey(), task.getName(),
          task.getAssignee(), submission == null ? null : submission.actor(), task.getStartTime().toInstant(), due,
          completed ? end : null, completed && due != null && end != null && end.isAfter(due),
          submission == null ? null : submission.decision(),
          submission == null || submission.decision() == null ? null : decisionLabel(userTasks, task, submission),
          submission == null ? null : submission.comments(),
          submission == null ? null : json(submission.formValues()),
          submission == null ? List.of() : SubmittedValues.of(json(submission.formValues())),
          end == null ? "abierta" : completed ? "completada" : "cancelada"));
    }
    records.sort(Comparator.comparing(TaskRecord::created).thenComparing(TaskRecord::taskId));
    return records;
  }

  private static List<TimelineEntry> timeline(List<TaskRecord> tasks, List<Escalation> escalations,
      List<ProgramVersionRecord> versions, HistoricProcessInstance cycle, Cancellation cancellation) {
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(cycle.getStartTime().toInstant(), "inicio", "Ciclo iniciado", cycle.getStartUserId()));
    for (TaskRecord task : tasks) {
      if (task.completed() != null) {
        entries.add(new TimelineEntry(task.completed(), "tarea", task.name()
            + (task.decisionLabel() == null ? "" : " — decisión: " + task.decisionLabel())
            + (task.comments() == null || task.comments().isBlank() ? "" : " — «" + task.comments() + "»"),
            task.completedBy()));
      }
    }
    escalations.forEach(e -> entries.add(new TimelineEntry(e.at(), "escalamiento", e.task() + ": " + e.detail(), null)));
    versions.forEach(v -> entries.add(new TimelineEntry(v.approvedAt(), "version",
        "Versión " + v.version() + " del programa: " + v.reason(), v.approvedBy())));
    if (cycle.getEndTime() != null) {
      entries.add(new TimelineEntry(cycle.getEndTime().toInstant(), "fin", cancellation == null ? "Ciclo cerrado"
          : "Ciclo cancelado: " + cancellation.reason(), cancellation == null ? null : cancellation.cancelledBy()));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  private Checks checks(CaseHistory history, List<TaskRecord> tasks, BusinessKey key, String outcome) {
    Check complete = completeness(history, key, outcome);
    Instant executionStart = history.instances().stream()
        .filter(instance -> ExecutionProcess.KEY.equals(instance.getProcessDefinitionKey()))
        .map(instance -> instance.getStartTime().toInstant()).min(Comparator.naturalOrder()).orElse(null);
    Instant sgceApproval = tasks.stream()
        .filter(task -> PlanningProcess.TASK_REVIEW_PROGRAM_SGCE.equals(task.taskKey()))
        .filter(task -> "approve".equals(task.decision()) && task.completed() != null)
        .map(TaskRecord::completed).min(Comparator.naturalOrder()).orElse(null);
    Check approved;
    if (executionStart == null) {
      approved = new Check(true, "El programa fue aprobado por la Oficina del SGCE antes de iniciar la ejecución",
          List.of("La ejecución no ha iniciado."));
    } else {
      boolean ok = sgceApproval != null && !sgceApproval.isAfter(executionStart);
      approved = new Check(ok, "El programa fue aprobado por la Oficina del SGCE antes de iniciar la ejecución",
          ok ? List.of() : List.of("La ejecución inició el " + executionStart + " sin aprobación previa del SGCE."));
    }

    Instant signed = tasks.stream().filter(task -> ClosureProcess.TASK_SIGN_CLOSURE.equals(task.taskKey()))
        .filter(task -> "approve".equals(task.decision())).map(TaskRecord::completed)
        .max(Comparator.naturalOrder()).orElse(null);
    List<String> openActions = new ArrayList<>();
    for (HistoricProcessInstance instance : history.instances()) {
      if (!CorrectiveActionProcess.KEY.equals(instance.getProcessDefinitionKey())) {
        continue;
      }
      Instant end = instance.getEndTime() == null ? null : instance.getEndTime().toInstant();
      if (signed != null && (end == null || end.isAfter(signed))) {
        openActions.add("Acción correctiva " + instance.getId() + " abierta al firmar el cierre.");
      }
    }
    Check actionsClosed = new Check(openActions.isEmpty(),
        "Toda acción correctiva se cerró antes de la firma del cierre", openActions);

    // Who prepared the work each decision is about: the latest staff submission of the same process
    // before it, as the journal (in the order written) has them.
    List<String> selfApprovals = new ArrayList<>();
    Map<String, String> preparers = new HashMap<>();
    for (CaseJournal.Entry entry : history.journal()) {
      DeclaredTask task = CaseJournal.SUBMISSION.equals(entry.kind()) ? userTasks.find(entry.taskKey()).orElse(null)
          : null;
      if (task == null || entry.actor() == null) {
        continue;
      }
      if (task.role().preparesWork()) {
        preparers.put(entry.processInstanceId(), entry.actor());
      } else if (task.decides() && entry.actor().equals(preparers.get(entry.processInstanceId()))) {
        selfApprovals.add(entry.taskName() + ": " + entry.actor() + " decidió sobre su propio trabajo.");
      }
    }
    Check noSelfApproval = new Check(selfApprovals.isEmpty(), "Nadie aprobó su propio trabajo", selfApprovals);

    List<String> late = tasks.stream().filter(TaskRecord::late)
        .map(task -> task.name() + " (venció " + task.due() + ", completada " + task.completed() + ")").toList();
    Check onTime = new Check(late.isEmpty(), "Tareas completadas después de su fecha límite: " + late.size(), late);
    return new Checks(complete, approved, actionsClosed, noSelfApproval, onTime);
  }

  static final String COMPLETENESS = "El ciclo cerrado muestra cada aprobación que sus procesos exigen";

  /** Whether a closed cycle shows every approval its processes require ({@link RequiredApprovals}). */
  private Check completeness(CaseHistory history, BusinessKey key, String outcome) {
    if (!"closed".equals(outcome)) {
      return new Check(true, COMPLETENESS, List.of("cancelled".equals(outcome)
          ? "El ciclo se canceló: no se le exige el recorrido completo." : "El ciclo no ha terminado."));
    }
    List<String> missing = RequiredApprovals.missing(catalog, key.toString(), history);
    return new Check(missing.isEmpty(), COMPLETENESS, missing);
  }

  /** A decision as its form records it («Aprobado», «Devuelto»); the code if the task is unknown now. */
  private static String decisionLabel(UserTasks userTasks, HistoricTaskInstance task, CaseJournal.Entry submission) {
    return userTasks.find(task.getTaskDefinitionKey())
        .map(DeclaredTask::form).map(TaskForm::decision)
        .map(decision -> decision.recordedLabelOf(submission.decision()))
        .orElse(submission.decision());
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
