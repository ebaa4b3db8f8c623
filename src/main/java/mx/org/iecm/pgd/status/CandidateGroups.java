package mx.org.iecm.pgd.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mx.org.iecm.pgd.routing.Routing;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The groups a task is routed to, worked out from its diagram's candidate-group expression and the
 * line's data, without one query per task: diagrams come from the engine's deployment cache.
 */
@Component
class CandidateGroups {

  private final RepositoryService repositoryService;
  private final Routing routing;
  private final Map<String, String> expressions = new ConcurrentHashMap<>();

  CandidateGroups(RepositoryService repositoryService, Routing routing) {
    this.repositoryService = repositoryService;
    this.routing = routing;
  }

  List<String> of(String processDefinitionId, String taskKey, String planCode, String lineId, String area,
      String coArea) {
    String expression = expressions.computeIfAbsent(processDefinitionId + "#" + taskKey, key -> {
      UserTask task = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
      return task == null || task.getCamundaCandidateGroups() == null ? "" : task.getCamundaCandidateGroups();
    });
    List<String> groups = new ArrayList<>();
    if (expression.contains("routing.staff(")) {
      groups.add(routing.staff(area));
    } else if (expression.contains("routing.head(coArea)") && coArea != null) {
      groups.add(routing.head(coArea));
    } else if (expression.contains("routing.head(")) {
      groups.add(routing.head(area));
    } else if (expression.contains("routing.reviewers(")) {
      groups.addAll(List.of(routing.reviewers(planCode, lineId).split(",")));
    }
    return groups;
  }
}
