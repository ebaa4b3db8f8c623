package mx.org.iecm.pgd.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Gives each process a cycle calls (its phases, program changes, corrective actions) the cycle's line,
 * year, area and their texts, derived from the business key and the catalog when the process starts —
 * the same values the cycle started with, without a mapping per variable in every call activity, and
 * never from a value a caller passed. It adds the line's areas by name ({@value #LINE_AREAS}), which
 * the work program's forms offer for the area that carries out each activity.
 */
@Component("cycleContextListener")
public class CycleContextListener implements ExecutionListener {

  /** The line's responsible area, then its co-responsible ones: [{"code", "name"}]. */
  public static final String LINE_AREAS = "lineAreas";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CycleService cycles;
  private final PlanCatalog catalog;

  public CycleContextListener(CycleService cycles, PlanCatalog catalog) {
    this.cycles = cycles;
    this.catalog = catalog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BusinessKey key = BusinessKey.parse(execution.getProcessBusinessKey());
    VariableMap context = cycles.startVariables(key.planCode(), key.actionLineId(), key.year());
    // The phase is the lifecycle's own (EnterPhaseListener); a called process does not carry it.
    context.remove(CycleVariables.PHASE);
    ArrayNode areas = JSON.createArrayNode();
    ActionLine line = catalog.actionLine(key.planCode(), key.actionLineId())
        .orElseThrow(() -> new IllegalStateException("Unknown action line of cycle " + key));
    for (String code : line.areas()) {
      areas.addObject().put("code", code).put("name", catalog.area(code).map(Area::name).orElse(code));
    }
    context.putValue(LINE_AREAS, SpinValues.jsonValue(areas.toString()).create());
    execution.setVariablesLocal(context);
  }
}
