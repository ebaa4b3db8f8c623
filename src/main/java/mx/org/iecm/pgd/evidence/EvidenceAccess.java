package mx.org.iecm.pgd.evidence;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mx.org.iecm.pgd.ApplicationIdentity;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.evidence.EvidenceFiles.TaskRef;
import mx.org.iecm.pgd.web.ApiException;
import mx.org.iecm.pgd.web.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may do what with evidence, decided from the engine's task, the business key and the catalog,
 * never from what the request says: the person who may work an open task adds files to it (its assignee,
 * or anyone of its groups while nobody has it) and removes those they added; the people of the cycle's
 * areas, the line's reviewers and planning reviewers, the SGCE office, managers, auditors and administrators
 * read the files of the cycle.
 */
@Component
class EvidenceAccess {

  /** Groups that read the evidence of every cycle. */
  private static final Set<String> READ_EVERY_CYCLE = Set.of(Groups.AUDITORS, Groups.SGCE_OFFICE, Groups.MANAGERS,
      Groups.CAMUNDA_ADMIN);

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final PlanCatalog catalog;

  EvidenceAccess(TaskService taskService, HistoryService historyService, IdentityService identityService,
      PlanCatalog catalog) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.catalog = catalog;
  }

  /** A task and whether it is still open, as the engine knows it. */
  record TaskState(TaskRef task, boolean open, String assignee) {
  }

  /** The task, open or completed, whose cycle the caller may read. */
  TaskState readable(String taskId, Authentication caller) {
    TaskState state = state(taskId);
    if (!mayRead(state.task().businessKey(), caller)) {
      throw ApiException.forbidden("Las evidencias de la tarea «" + state.task().taskName()
          + "» son de las áreas de su ciclo, la Oficina del SGCE, seguimiento y auditoría.");
    }
    return state;
  }

  /** The open task the caller may work, to add or remove files. */
  TaskState workable(String taskId, Authentication caller) {
    TaskState state = state(taskId);
    if (!state.open()) {
      throw ApiException.conflict("La tarea «" + state.task().taskName()
          + "» ya se completó: sus evidencias ya no cambian.");
    }
    if (!mayWork(state, caller)) {
      throw ApiException.forbidden(state.assignee() != null && !state.assignee().equals(caller.getName())
          ? "La tarea «" + state.task().taskName() + "» está asignada a " + state.assignee()
              + ": solo esa persona adjunta o quita evidencias."
          : "Solo quien puede trabajar la tarea «" + state.task().taskName() + "» adjunta o quita evidencias.");
    }
    return state;
  }

  /** Whether the caller may read the evidence of the cycle {@code businessKey}. */
  boolean mayRead(String businessKey, Authentication caller) {
    Set<String> groups = groups(caller);
    if (groups.stream().anyMatch(READ_EVERY_CYCLE::contains)) {
      return true;
    }
    return BusinessKey.tryParse(businessKey)
        .flatMap(key -> catalog.actionLine(key.planCode(), key.actionLineId()))
        .map(line -> areasOf(line).stream().anyMatch(area -> groups.contains(Groups.staff(area))
            || groups.contains(Groups.head(area)))
            || line.reviewers().stream().anyMatch(groups::contains)
            || line.planningReviewers().stream().anyMatch(groups::contains))
        .orElse(false);
  }

  /** Whether the caller may work the task: its assignee, or one of its groups while nobody has it. */
  boolean mayWork(TaskState state, Authentication caller) {
    if (state.assignee() != null) {
      return state.assignee().equals(caller.getName());
    }
    List<String> groups = List.copyOf(groups(caller));
    return !groups.isEmpty() && ApplicationIdentity.call(identityService, () -> taskService.createTaskQuery()
        .taskId(state.task().taskId()).taskCandidateGroupIn(groups).count() > 0);
  }

  private TaskState state(String taskId) {
    return ApplicationIdentity.call(identityService, () -> {
      Task open = taskService.createTaskQuery().taskId(taskId).singleResult();
      HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (task == null) {
        throw new NotFoundException("La tarea «" + taskId + "» no existe.");
      }
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult();
      if (instance == null || BusinessKey.tryParse(instance.getBusinessKey()).isEmpty()) {
        throw new NotFoundException("La tarea «" + taskId + "» no es de un ciclo del plan.");
      }
      TaskRef ref = new TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName(), instance.getBusinessKey(),
          task.getProcessInstanceId());
      return new TaskState(ref, open != null, open == null ? task.getAssignee() : open.getAssignee());
    });
  }

  private static List<String> areasOf(ActionLine line) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(line.responsibleArea()),
        line.coResponsibleAreas().stream()).toList();
  }

  private static Set<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
