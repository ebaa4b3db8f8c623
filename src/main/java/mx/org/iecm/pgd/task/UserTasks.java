package mx.org.iecm.pgd.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every user task of the processes, each declared once by its phase ({@link UserTaskDeclarations}) and
 * joined to its form. The application does not start when a declaration has no form, a form no
 * declaration, or a form disagrees with what its task is (a decision task's form must offer the
 * decision and write only the decision and comments; a staff task's form must not).
 */
@Component
public class UserTasks {

  /** How the engine names the scope that repeats a multi-instance activity: «Task_X#multiInstanceBody». */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final Map<String, DeclaredTask> byId = new LinkedHashMap<>();

  @Autowired
  public UserTasks(List<UserTaskDeclarations> declarations) {
    this(declarations, TaskForms.fromClasspath());
  }

  public UserTasks(List<UserTaskDeclarations> declarations, TaskForms forms) {
    List<String> problems = new ArrayList<>();
    for (UserTaskDeclarations phase : declarations) {
      for (UserTask task : phase.userTasks()) {
        Optional<TaskForm> form = forms.ofTask(task.id());
        if (form.isEmpty()) {
          problems.add(task.id() + " has no form " + TaskForms.fileOf(task.id()));
        } else if (byId.put(task.id(), new DeclaredTask(task, form.get())) != null) {
          problems.add(task.id() + " is declared twice");
        } else {
          problems.addAll(disagreements(task, form.get()));
        }
      }
    }
    Set<String> formsWithoutTask = new TreeSet<>(forms.all().keySet());
    byId.keySet().forEach(id -> formsWithoutTask.remove(TaskForms.fileOf(id)));
    formsWithoutTask.forEach(file -> problems.add("The form " + file + " belongs to no declared task"));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The user tasks and their forms disagree: " + String.join("; ", problems));
    }
  }

  private static List<String> disagreements(UserTask task, TaskForm form) {
    List<String> problems = new ArrayList<>();
    boolean decides = !task.role().preparesWork();
    if (decides != form.decides()) {
      problems.add(form.file() + (decides ? " offers no decision, but " : " offers a decision, but ") + task.id()
          + " is done by " + task.role());
    }
    if (form.decides() && !form.writes().keySet().equals(Set.of("decision", "comments"))) {
      problems.add(form.file() + " writes " + form.writes().keySet() + "; a decision writes decision and comments");
    }
    return problems;
  }

  public Optional<DeclaredTask> find(String taskId) {
    return Optional.ofNullable(byId.get(taskId));
  }

  /** The declared task; an undeclared id is a defect of the processes, not of a request. */
  public DeclaredTask get(String taskId) {
    return find(taskId).orElseThrow(() -> new IllegalStateException("User task " + taskId + " is not declared"));
  }

  /**
   * The declared task an execution is at: its user task, the task a boundary timer is attached to, or
   * the task a multi-instance body repeats.
   */
  public DeclaredTask at(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element instanceof BoundaryEvent boundary) {
      return get(boundary.getAttachedTo().getId());
    }
    String activity = execution.getCurrentActivityId();
    int body = activity.indexOf(MULTI_INSTANCE_BODY);
    return get(body < 0 ? activity : activity.substring(0, body));
  }

  public Collection<DeclaredTask> all() {
    return byId.values();
  }

  /** The ids of the tasks done in {@code role}. */
  public Set<String> idsOf(Role role) {
    Set<String> ids = new TreeSet<>();
    byId.values().stream().filter(task -> task.role() == role).forEach(task -> ids.add(task.id()));
    return ids;
  }
}
