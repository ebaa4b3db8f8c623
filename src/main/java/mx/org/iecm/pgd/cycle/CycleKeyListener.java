package mx.org.iecm.pgd.cycle;

import java.util.List;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.task.Problem;
import mx.org.iecm.pgd.web.EngineRefusal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a cycle whose business key is not one of the catalog: the form
 * {@code <plan>:<line>:<year>}, a line of that plan, a year the plan covers, and no other cycle with
 * that key, running or ended. Every phase, task route and expediente is derived from that key.
 */
@Component("cycleKeyListener")
public class CycleKeyListener implements ExecutionListener {

  private final PlanCatalog catalog;

  public CycleKeyListener(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String value = execution.getProcessBusinessKey();
    BusinessKey key = BusinessKey.tryParse(value).orElseThrow(() -> refused("La clave de negocio «" + value
        + "» no es la de un ciclo: se espera plan:línea:año, p. ej. PGD-2020-2023:1.1:2021."));
    Plan plan = catalog.plan(key.planCode())
        .orElseThrow(() -> refused("El plan «" + key.planCode() + "» de la clave «" + value + "» no existe."));
    if (plan.actionLine(key.actionLineId()).isEmpty()) {
      throw refused("La línea de acción «" + key.actionLineId() + "» no existe en el plan " + plan.code() + ".");
    }
    if (!plan.covers(key.year())) {
      throw refused("El año " + key.year() + " está fuera del periodo del plan " + plan.code() + " ("
          + plan.firstYear() + "–" + plan.lastYear() + ").");
    }
    // This instance is not in the database yet: any instance found is another one.
    long others = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY).processInstanceBusinessKey(value).count();
    if (others > 0) {
      throw refused("Ya existe un ciclo con la clave «" + value + "» (en curso o terminado).");
    }
  }

  private static KeyRefused refused(String message) {
    return EngineRefusal.onCurrentRequest(new KeyRefused(message));
  }

  /** A start refused for its key; the engine's REST API answers it with 400 through {@link EngineRefusal}. */
  static final class KeyRefused extends BadUserRequestException implements EngineRefusal {

    KeyRefused(String message) {
      super(message);
    }

    @Override
    public String refusalType() {
      return "CycleKeyRefused";
    }

    @Override
    public List<Problem> problems() {
      return List.of(new Problem("businessKey", "Clave de negocio", getMessage()));
    }
  }
}
