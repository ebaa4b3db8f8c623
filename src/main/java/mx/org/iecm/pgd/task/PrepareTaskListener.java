package mx.org.iecm.pgd.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.review.ReviewProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Readies a task when it is created: its name carries the line and the year, so that a list of the
 * 39 planning tasks of a year in Tasklist is not 39 identical rows; a decision starts blank (no stale
 * decision or comments from an earlier round); and report forms list the program's activities and
 * indicators.
 */
@Component("prepareTaskListener")
public class PrepareTaskListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    task.setName(nameWithCycle(task.getName(), task.getVariable(CycleVariables.ACTION_LINE_ID),
        task.getVariable(CycleVariables.YEAR)));
    String key = task.getTaskDefinitionKey();
    if (SubmissionRules.DECISION_TASKS.containsKey(key)) {
      task.removeVariable(CycleVariables.DECISION);
      task.removeVariable(CycleVariables.COMMENTS);
    }
    boolean reopened = task.getVariable(CycleVariables.RETURN_COMMENTS) != null;
    if (ExecutionProcess.TASK_REPORT_PROGRESS.equals(key) && !reopened) {
      prefillProgress(task);
    }
    if (ReviewProcess.TASK_REPORT_RESULTS.equals(key) && !reopened) {
      prefillResults(task);
    }
  }

  /** «Elaborar programa de trabajo · línea 9.1 · 2023»; the name alone when the cycle is not known. */
  static String nameWithCycle(String name, Object lineId, Object year) {
    if (name == null || lineId == null || year == null) {
      return name;
    }
    return name + " · línea " + lineId + " · " + year;
  }

  private static void prefillProgress(DelegateTask task) {
    Map<String, JsonNode> previous = new HashMap<>();
    for (JsonNode row : rows(task, ExecutionProcess.ACTIVITY_PROGRESS)) {
      previous.put(row.path("activity").asText(), row.path("percent"));
    }
    ArrayNode progress = JSON.createArrayNode();
    for (JsonNode activity : rows(task, CycleVariables.ACTIVITIES)) {
      String name = activity.path("name").asText();
      ObjectNode row = progress.addObject().put("activity", name);
      JsonNode percent = previous.get(name);
      row.set("percent", percent == null || percent.isMissingNode() ? JSON.getNodeFactory().numberNode(0) : percent);
    }
    task.setVariable(ExecutionProcess.ACTIVITY_PROGRESS, SpinValues.jsonValue(progress.toString()).create());
    task.setVariable(ExecutionProcess.INDICATOR_VALUES,
        SpinValues.jsonValue(indicatorRows(task).toString()).create());
  }

  private static void prefillResults(DelegateTask task) {
    task.setVariable(ReviewProcess.INDICATOR_RESULTS, SpinValues.jsonValue(indicatorRows(task).toString()).create());
  }

  private static ArrayNode indicatorRows(DelegateTask task) {
    ArrayNode rows = JSON.createArrayNode();
    for (JsonNode indicator : rows(task, CycleVariables.INDICATORS)) {
      ObjectNode row = rows.addObject().put("indicator", indicator.path("name").asText());
      row.set("target", indicator.path("target"));
      row.putNull("value");
    }
    return rows;
  }

  private static Iterable<JsonNode> rows(DelegateTask task, String name) {
    JsonNode node = Submission.toJson(task.getVariable(name));
    return node != null && node.isArray() ? node : JSON.createArrayNode();
  }
}
