package mx.org.iecm.pgd.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.task.Submission;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The indicators of the approved work program, as rows for a report to fill in. */
public final class ProgramIndicators {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgramIndicators() {
  }

  /** One row per indicator of the program: its name and target, and no value yet. */
  public static ArrayNode toReport(VariableScope scope) {
    ArrayNode rows = JSON.createArrayNode();
    JsonNode indicators = Submission.toJson(scope.getVariable(CycleVariables.INDICATORS));
    if (indicators != null && indicators.isArray()) {
      for (JsonNode indicator : indicators) {
        ObjectNode row = rows.addObject().put("indicator", indicator.path("name").asText());
        row.set("target", indicator.path("target"));
        row.putNull("value");
      }
    }
    return rows;
  }
}
