package mx.org.iecm.pgd.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.cycle.LifecycleProcess;
import mx.org.iecm.pgd.cycle.Phase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Gauges for operations (Prometheus at {@code /actuator/prometheus}): open and overdue tasks per
 * responsible area, and running cycles per phase, over every running cycle of every year.
 *
 * <p>One scrape reads all gauges; they share a snapshot taken in three queries and kept for a few
 * seconds, so a scrape costs the same whatever the number of cycles.
 */
@Component
public class PlanMetrics implements MeterBinder {

  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

  private final PlanCatalog catalog;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Clock clock;

  private Snapshot snapshot;

  PlanMetrics(PlanCatalog catalog, RuntimeService runtimeService, TaskService taskService, Clock clock) {
    this.catalog = catalog;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.clock = clock;
  }

  record Snapshot(Instant takenAt, Map<String, Integer> openTasks, Map<String, Integer> overdueTasks,
      Map<String, Integer> cyclesByPhase) {
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Area area : catalog.areas()) {
      Gauge.builder("pgd.tasks.open", this, metrics -> metrics.current().openTasks().getOrDefault(area.code(), 0))
          .description("Tareas abiertas de los ciclos del área responsable")
          .tag("area", area.code())
          .register(registry);
      Gauge.builder("pgd.tasks.overdue", this,
              metrics -> metrics.current().overdueTasks().getOrDefault(area.code(), 0))
          .description("Tareas vencidas de los ciclos del área responsable")
          .tag("area", area.code())
          .register(registry);
    }
    for (Phase phase : List.of(Phase.PLANNING, Phase.EXECUTION, Phase.REVIEW, Phase.CLOSURE)) {
      Gauge.builder("pgd.cycles.running", this,
              metrics -> metrics.current().cyclesByPhase().getOrDefault(phase.code(), 0))
          .description("Ciclos en curso por fase")
          .tag("phase", phase.code())
          .register(registry);
    }
  }

  /** The snapshot the gauges read; taken again when older than a few seconds. */
  synchronized Snapshot current() {
    if (snapshot == null || snapshot.takenAt().plus(SNAPSHOT_TTL).isBefore(clock.instant())) {
      snapshot = take();
    }
    return snapshot;
  }

  /** Takes a new snapshot now. */
  public synchronized Snapshot refresh() {
    snapshot = take();
    return snapshot;
  }

  private Snapshot take() {
    Instant now = clock.instant();
    Map<String, String> keyOfInstance = new HashMap<>();
    Map<String, String> cycleOfKey = new HashMap<>();
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().list()) {
      if (instance.getBusinessKey() != null) {
        keyOfInstance.put(instance.getId(), instance.getBusinessKey());
      }
      if (LifecycleProcess.KEY.equals(definitionKey(instance))) {
        cycleOfKey.put(instance.getBusinessKey(), instance.getId());
      }
    }
    Map<String, Integer> byPhase = new HashMap<>();
    if (!cycleOfKey.isEmpty()) {
      for (VariableInstance phase : runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(cycleOfKey.values().toArray(String[]::new))
          .variableName(CycleVariables.PHASE)
          .disableBinaryFetching()
          .list()) {
        byPhase.merge(String.valueOf(phase.getValue()), 1, Integer::sum);
      }
    }
    Map<String, Integer> open = new HashMap<>();
    Map<String, Integer> overdue = new HashMap<>();
    for (Task task : taskService.createTaskQuery().list()) {
      String key = keyOfInstance.get(task.getProcessInstanceId());
      String area = areaOf(key);
      if (area == null) {
        continue;
      }
      open.merge(area, 1, Integer::sum);
      if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now)) {
        overdue.merge(area, 1, Integer::sum);
      }
    }
    return new Snapshot(now, open, overdue, byPhase);
  }

  private String areaOf(String businessKey) {
    if (businessKey == null) {
      return null;
    }
    try {
      BusinessKey key = BusinessKey.parse(businessKey);
      return catalog.actionLine(key.planCode(), key.actionLineId())
          .map(line -> line.responsibleArea()).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String definitionKey(ProcessInstance instance) {
    String definitionId = instance.getProcessDefinitionId();
    int colon = definitionId.indexOf(':');
    return colon < 0 ? definitionId : definitionId.substring(0, colon);
  }
}
