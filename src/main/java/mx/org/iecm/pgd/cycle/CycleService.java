package mx.org.iecm.pgd.cycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mx.org.iecm.pgd.ApplicationIdentity;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import mx.org.iecm.pgd.web.ApiException;
import mx.org.iecm.pgd.web.NotFoundException;
import mx.org.iecm.pgd.web.RequestValues;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and cancels the yearly cycles of the plan's action lines.
 */
@Service
public class CycleService {

  private static final Logger LOG = LoggerFactory.getLogger(CycleService.class);
  static final int REASON_MAX = 2000;

  private final PlanCatalog catalog;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  public CycleService(PlanCatalog catalog, RuntimeService runtimeService, HistoryService historyService,
      IdentityService identityService) {
    this.catalog = catalog;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** Starts the cycle of every line of the plan in force that year; lines that have one are left alone. */
  @Transactional
  public CycleStartResult startYear(int year) {
    Plan plan = planFor(year);
    return start(plan, year, plan.actionLines());
  }

  @Transactional
  public CycleStartResult startLine(int year, String lineId) {
    Plan plan = planFor(year);
    ActionLine line = plan.actionLine(lineId).orElseThrow(() -> new NotFoundException(
        "La línea de acción «" + lineId + "» no existe en el plan " + plan.code() + "."));
    return start(plan, year, List.of(line));
  }

  /** Cancels a running cycle through its cancellation event, recording the reason and who cancelled it. */
  @Transactional
  public void cancel(int year, String lineId, String reason, String user) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.badRequest("«Justificación» (reason): es obligatoria para cancelar un ciclo.");
    }
    if (RequestValues.hasControlCharacters(reason)) {
      throw ApiException.badRequest("«Justificación» (reason): contiene caracteres de control; escriba solo texto.");
    }
    if (reason.length() > REASON_MAX) {
      throw ApiException.badRequest("«Justificación» (reason): excede " + REASON_MAX + " caracteres.");
    }
    ProcessInstance cycle = runningCycle(year, lineId);
    runtimeService.createMessageCorrelation(LifecycleProcess.MESSAGE_CANCEL)
        .processInstanceId(cycle.getId())
        .setVariable(CycleVariables.CANCELLATION_REASON, reason.strip())
        .setVariable(CycleVariables.CANCELLED_BY, user)
        .correlate();
    LOG.info("Cycle {} cancelled by {}", cycle.getBusinessKey(), user);
  }

  /**
   * Opens a change request of the approved program; only while the cycle is in execution and no other
   * change of its program is under way. The caller was checked by the API (staff of the responsible
   * area); the engine does it in the application's name, since staff hold no rights on running instances.
   */
  @Transactional
  public void requestChange(int year, String lineId, String user) {
    ApplicationIdentity.run(identityService, () -> requestChangeUnchecked(year, lineId, user));
  }

  private void requestChangeUnchecked(int year, String lineId, String user) {
    ProcessInstance cycle = runningCycle(year, lineId);
    List<ProcessInstance> executions = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ExecutionProcess.KEY)
        .processInstanceBusinessKey(cycle.getBusinessKey())
        .list();
    if (executions.size() != 1) {
      throw ApiException.conflict("El ciclo " + cycle.getBusinessKey()
          + " no está en ejecución: solo se pide una modificación del programa aprobado durante la ejecución.");
    }
    long openChanges = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ProgramChangeProcess.KEY)
        .processInstanceBusinessKey(cycle.getBusinessKey())
        .count();
    if (openChanges > 0) {
      throw ApiException.conflict("El ciclo " + cycle.getBusinessKey() + " ya tiene una modificación del programa en"
          + " curso: se puede pedir otra cuando esa termine.");
    }
    runtimeService.createMessageCorrelation(ExecutionProcess.MESSAGE_REQUEST_CHANGE)
        .processInstanceId(executions.get(0).getId())
        .setVariable(ExecutionProcess.CHANGE_REQUESTED_BY, user)
        .correlate();
    LOG.info("Cycle {}: program change requested by {}", cycle.getBusinessKey(), user);
  }

  /** Sends the change-request message to a running execution phase. */
  public void requestChangeOfExecution(String executionInstanceId) {
    runtimeService.createMessageCorrelation(ExecutionProcess.MESSAGE_REQUEST_CHANGE)
        .processInstanceId(executionInstanceId)
        .correlate();
  }

  /** Refuses a plan that is not the one the year belongs to. */
  public void checkPlan(int year, String planCode) {
    Plan plan = planFor(year);
    if (!plan.code().equals(planCode)) {
      throw ApiException.badRequest("«plan»: el año " + year + " pertenece al plan " + plan.code() + ", no a «"
          + planCode + "».");
    }
  }

  /** The responsible area of a line in the plan in force that year. */
  public String responsibleArea(int year, String lineId) {
    Plan plan = planFor(year);
    return plan.actionLine(lineId).map(ActionLine::responsibleArea).orElseThrow(() -> new NotFoundException(
        "La línea de acción «" + lineId + "» no existe en el plan " + plan.code() + "."));
  }

  private ProcessInstance runningCycle(int year, String lineId) {
    Plan plan = planFor(year);
    if (plan.actionLine(lineId).isEmpty()) {
      throw new NotFoundException("La línea de acción «" + lineId + "» no existe en el plan " + plan.code() + ".");
    }
    String key = new BusinessKey(plan.code(), lineId, year).toString();
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY)
        .processInstanceBusinessKey(key)
        .list();
    if (running.size() > 1) {
      // Only an administrator can have started a second one: the application acts on neither.
      throw ApiException.conflict("Hay " + running.size() + " ciclos en curso con la clave " + key
          + ": la administración debe cancelar el que sobra antes de actuar sobre el ciclo.");
    }
    if (running.isEmpty()) {
      boolean ended = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(LifecycleProcess.KEY).processInstanceBusinessKey(key).count() > 0;
      if (ended) {
        throw ApiException.conflict("El ciclo " + key + " ya terminó (cerrado o cancelado).");
      }
      throw new NotFoundException("El ciclo " + key + " no se ha iniciado.");
    }
    return running.get(0);
  }

  private CycleStartResult start(Plan plan, int year, List<ActionLine> lines) {
    Set<String> existing = new HashSet<>();
    for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY)
        .processInstanceBusinessKeyIn(BusinessKey.ofYear(plan, year))
        .list()) {
      existing.add(instance.getBusinessKey());
    }
    List<String> started = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (ActionLine line : lines) {
      String key = new BusinessKey(plan.code(), line.id(), year).toString();
      if (existing.contains(key)) {
        found.add(key);
        continue;
      }
      runtimeService.startProcessInstanceByKey(LifecycleProcess.KEY, key, variables(plan, line, year));
      started.add(key);
    }
    LOG.info("Cycles of {} {}: {} started, {} already existed", plan.code(), year, started.size(), found.size());
    return new CycleStartResult(plan.code(), year, started, found);
  }

  /** The variables a cycle of this line starts with (also what each phase receives from it). */
  public VariableMap startVariables(String planCode, String lineId, int year) {
    Plan plan = catalog.plan(planCode).orElseThrow(() -> new NotFoundException("El plan «" + planCode + "» no existe."));
    ActionLine line = plan.actionLine(lineId).orElseThrow(() -> new NotFoundException(
        "La línea de acción «" + lineId + "» no existe en el plan " + plan.code() + "."));
    return variables(plan, line, year);
  }

  private VariableMap variables(Plan plan, ActionLine line, int year) {
    String objective = plan.objective(line.objectiveNumber()).map(o -> o.text()).orElse("");
    String area = catalog.area(line.responsibleArea()).map(Area::name).orElse(line.responsibleArea());
    return Variables.createVariables()
        .putValue(CycleVariables.PLAN_CODE, plan.code())
        .putValue(CycleVariables.ACTION_LINE_ID, line.id())
        .putValue(CycleVariables.YEAR, year)
        .putValue(CycleVariables.RESPONSIBLE_AREA, line.responsibleArea())
        .putValue(CycleVariables.PHASE, Phase.PLANNING.code())
        .putValue(CycleVariables.LINE_LABEL, line.id() + " — " + line.correctedText())
        .putValue(CycleVariables.LINE_TEXT, line.correctedText())
        .putValue(CycleVariables.AREA_NAME, area)
        .putValue(CycleVariables.OBJECTIVE_TEXT, objective);
  }

  private Plan planFor(int year) {
    return catalog.planCovering(year)
        .orElseThrow(() -> ApiException.badRequest("El año " + year + " está fuera del periodo de los planes cargados ("
            + catalog.plans().stream().map(p -> p.code() + ": " + p.firstYear() + "–" + p.lastYear())
            .reduce((a, b) -> a + "; " + b).orElse("ninguno") + ")."));
  }
}
