package mx.org.iecm.pgd.support;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A person completing tasks, as the engine sees them: a user id and the groups it belongs to.
 */
public record Actor(ProcessEngine engine, String userId, List<String> groups) {

  public static Actor of(ProcessEngine engine, String userId, String... groups) {
    return new Actor(engine, userId, List.of(groups));
  }

  /** Completes the task as this person. */
  public void complete(Task task, Map<String, Object> variables) {
    if (SampleEvidence.required(task.getTaskDefinitionKey())) {
      String businessKey = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
      SampleEvidence.attachIfRequired(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
          .getProcessEngineConfiguration()).getDataSource(), task, businessKey, userId);
    }
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(userId, groups);
    try {
      TaskService tasks = engine.getTaskService();
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The one open task of the process instances of this business key whose candidate group is one of ours. */
  public Task taskOf(String businessKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskCandidateGroupIn(groups)
        .includeAssignedTasks()
        .list();
    if (tasks.size() != 1) {
      throw new AssertionError(userId + " expected one task in " + businessKey + " but found " + tasks.stream()
          .map(Task::getTaskDefinitionKey).toList());
    }
    return tasks.get(0);
  }

  /** Completes this person's one open task in the given process instance. */
  public void completeTaskIn(String processInstanceId, Map<String, Object> variables) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskCandidateGroupIn(groups).includeAssignedTasks().list();
    if (tasks.size() != 1) {
      throw new AssertionError(userId + " expected one task in " + processInstanceId + " but found " + tasks.size());
    }
    complete(tasks.get(0), variables);
  }

  public void completeTaskOf(String businessKey, Map<String, Object> variables) {
    complete(taskOf(businessKey), variables);
  }
}
