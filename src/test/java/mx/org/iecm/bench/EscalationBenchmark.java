package mx.org.iecm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.org.iecm.pgd.support.StatementCounter;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Escalation with an engine timer on every task (as the processes do) against one periodic sweep
 * for the whole engine that escalates the tasks past their due date. The sweep is the engine's own
 * kind of job, so it runs exactly once across nodes: a long-lived instance whose cycle timer starts the
 * sweep. Both sides do the same escalation work (one process variable per escalated task), so what is
 * measured is the mechanism: what a timer adds to every completion, what a sweep costs every time it
 * runs (with or without overdue tasks), and what one escalation costs each way. Jobs are run with
 * {@link ManagementService#executeJob}, so the job executor's acquisition (the same for both) is left
 * out.
 */
final class EscalationBenchmark {

  static final String DUE = "bench-escalation-due";
  static final String TIMERS = "bench-escalation-timers";
  static final String SWEEP = "bench-escalation-sweep";
  static final String ESCALATIONS = "escalations";
  static final String ESCALATED = "escalated";
  private static final int TASKS = 40;
  private static final int RUNNING = 78;
  private static final int OVERDUE = 10;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final PgdBenchmark.Results results;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;

  EscalationBenchmark(PgdBenchmark.Results results, ConfigurableApplicationContext app) {
    this.results = results;
    this.tasks = app.getBean(TaskService.class);
    this.runtime = app.getBean(RuntimeService.class);
    this.management = app.getBean(ManagementService.class);
    this.repository = app.getBean(RepositoryService.class);
  }

  void run() {
    repository.createDeployment().name("benchmark escalation")
        .addModelInstance(DUE + ".bpmn", withDueDates(PgdBenchmark.bareModel(DUE, TASKS, false, null, null)))
        .addModelInstance(TIMERS + ".bpmn", escalating(withDueDates(PgdBenchmark.bareModel(TIMERS, TASKS, true, null, null))))
        .addModelInstance(SWEEP + ".bpmn", sweepModel())
        .deploy();
    // The open tasks of a working day: one per running line, not overdue, on both sides.
    Date inTenDays = Date.from(Instant.now().plus(Duration.ofDays(10)));
    for (int i = 0; i < RUNNING; i++) {
      runtime.startProcessInstanceByKey(DUE, Map.of("dueDate", inTenDays));
      runtime.startProcessInstanceByKey(TIMERS, Map.of("dueDate", inTenDays));
    }
    String sweeper = runtime.startProcessInstanceByKey(SWEEP).getId();

    PgdBenchmark.Latencies withoutTimer = new PgdBenchmark.Latencies();
    PgdBenchmark.Latencies withTimer = new PgdBenchmark.Latencies();
    for (int round = 0; round <= 10; round++) {
      boolean warmUp = round == 0;
      completeAll(DUE, inTenDays, warmUp ? new PgdBenchmark.Latencies() : withoutTimer);
      completeAll(TIMERS, inTenDays, warmUp ? new PgdBenchmark.Latencies() : withTimer);
    }

    PgdBenchmark.Latencies idleSweep = new PgdBenchmark.Latencies();
    for (int i = 0; i < 220; i++) {
      fire(sweeper, i < 20 ? new PgdBenchmark.Latencies() : idleSweep);
    }

    // Overdue tasks: a sweep escalating OVERDUE at once (then running again with them already escalated)
    // against OVERDUE timers firing one by one.
    Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
    PgdBenchmark.Latencies escalatingSweep = new PgdBenchmark.Latencies();
    PgdBenchmark.Latencies escalatedSweep = new PgdBenchmark.Latencies();
    PgdBenchmark.Latencies timerFiring = new PgdBenchmark.Latencies();
    int escalatedBySweep = 0;
    int escalatedByTimers = 0;
    for (int round = 0; round <= 10; round++) {
      boolean warmUp = round == 0;
      List<String> late = start(DUE, yesterday, OVERDUE);
      fire(sweeper, warmUp ? new PgdBenchmark.Latencies() : escalatingSweep);
      fire(sweeper, warmUp ? new PgdBenchmark.Latencies() : escalatedSweep);
      escalatedBySweep += escalations(late);
      late.forEach(id -> runtime.deleteProcessInstance(id, "benchmark", true, true));

      List<String> timed = start(TIMERS, yesterday, OVERDUE);
      for (Job timer : management.createJobQuery().processInstanceIds(new HashSet<>(timed)).timers().list()) {
        measure(warmUp ? new PgdBenchmark.Latencies() : timerFiring, () -> management.executeJob(timer.getId()));
      }
      escalatedByTimers += escalations(timed);
      timed.forEach(id -> runtime.deleteProcessInstance(id, "benchmark", true, true));
    }
    if (escalatedBySweep != escalatedByTimers || escalatedBySweep != 11 * OVERDUE) {
      throw new IllegalStateException("Escalations: sweep " + escalatedBySweep + ", timers " + escalatedByTimers);
    }

    double perCompletion = withTimer.mean() - withoutTimer.mean();
    double timerStatements = statements(withTimer) - statements(withoutTimer);
    int completionsPerYear = 39 * 19;
    results.add("12. Escalamiento: un temporizador por tarea contra un barrido periódico (" + RUNNING
            + " tareas abiertas por lado; trabajos ejecutados con executeJob, sin la adquisición)",
        List.of("medida", "veces", "p50 ms", "p95 ms", "sentencias SQL por vez", "CPU de la JVM ms por vez"),
        List.of(row(withoutTimer, "completar una tarea con fecha de vencimiento, sin temporizador (barrido)"),
            row(withTimer, "completar una tarea con temporizador de escalamiento (hoy)"),
            row(idleSweep, "un barrido sin tareas vencidas"),
            row(escalatingSweep, "un barrido que escala " + OVERDUE + " tareas vencidas"),
            row(escalatedSweep, "un barrido con " + OVERDUE + " tareas vencidas ya escaladas"),
            row(timerFiring, "un temporizador de escalamiento que vence (una tarea)")),
        Map.of("sentencias que añade el temporizador a cada completación", format(timerStatements),
            "ms (media) que añade el temporizador a cada completación", format(perCompletion),
            "sentencias al año con temporizadores (39 líneas × 19 completaciones)", format(timerStatements * completionsPerYear),
            "sentencias al año de un barrido cada 5 min sin vencidas", format(statements(idleSweep) * 365 * 24 * 12),
            "sentencias al año de un barrido cada hora sin vencidas", format(statements(idleSweep) * 365 * 24),
            "sentencias por tarea escalada: barrido / temporizador",
            format(statements(escalatingSweep) / OVERDUE) + " / " + format(statements(timerFiring))));
  }

  /** Each user task due at the process variable {@code dueDate}, as ours are due by their deadline. */
  private static BpmnModelInstance withDueDates(BpmnModelInstance model) {
    model.getModelElementsByType(UserTask.class).forEach(task -> task.setCamundaDueDate("${dueDate}"));
    return model;
  }

  /** The end of every escalation path records the escalation, as the sweep does. */
  private static BpmnModelInstance escalating(BpmnModelInstance model) {
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      if (end.getId().startsWith("escalated")) {
        end.builder().camundaExecutionListenerClass(ExecutionListener.EVENTNAME_START, RecordEscalation.class);
      }
    }
    return model;
  }

  /** One instance that never ends: every 5 minutes its cycle timer runs the sweep beside the waiting task. */
  private static BpmnModelInstance sweepModel() {
    return Bpmn.createExecutableProcess(SWEEP).camundaHistoryTimeToLive(2192)
        .startEvent().receiveTask("waitForever")
        .boundaryEvent("everyFiveMinutes").cancelActivity(false).timerWithCycle("R/PT5M")
        .serviceTask("sweep").camundaClass(Sweep.class).endEvent("swept")
        .moveToActivity("waitForever").endEvent()
        .done();
  }

  private void completeAll(String process, Date due, PgdBenchmark.Latencies into) {
    String instance = runtime.startProcessInstanceByKey(process, Map.of("dueDate", due)).getId();
    for (int i = 0; i < TASKS; i++) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      measure(into, () -> tasks.complete(task.getId()));
    }
  }

  private void fire(String sweeper, PgdBenchmark.Latencies into) {
    Job next = management.createJobQuery().processInstanceId(sweeper).timers().singleResult();
    measure(into, () -> management.executeJob(next.getId()));
  }

  private List<String> start(String process, Date due, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(runtime.startProcessInstanceByKey(process, Map.of("dueDate", due)).getId());
    }
    return ids;
  }

  private int escalations(List<String> instances) {
    int total = 0;
    for (String id : instances) {
      Object value = runtime.getVariable(id, ESCALATIONS);
      total += value == null ? 0 : (Integer) value;
    }
    return total;
  }

  private static void measure(PgdBenchmark.Latencies into, Runnable work) {
    StatementCounter.reset();
    long cpu = CPU.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    work.run();
    into.add(System.nanoTime() - start);
    into.cpu(CPU.getCurrentThreadCpuTime() - cpu);
    into.statements(StatementCounter.count());
  }

  private static double statements(PgdBenchmark.Latencies latencies) {
    return Double.parseDouble(latencies.statementsPerCall());
  }

  /** One thread measures here, so the row leaves out the throughput of {@link PgdBenchmark.Latencies#row}. */
  private static List<String> row(PgdBenchmark.Latencies latencies, String label) {
    return List.of(label, String.valueOf(latencies.count()), format(latencies.p(50)), format(latencies.p(95)),
        latencies.statementsPerCall(), latencies.cpuPerCall());
  }

  private static String format(double value) {
    return PgdBenchmark.Latencies.format(value);
  }

  /** Adds one to the instance's {@code escalations}. */
  static void escalate(RuntimeService runtime, String processInstanceId) {
    Object value = runtime.getVariable(processInstanceId, ESCALATIONS);
    runtime.setVariable(processInstanceId, ESCALATIONS, value == null ? 1 : (Integer) value + 1);
  }

  /** The timer side: the escalation path's end records the escalation. */
  public static class RecordEscalation implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      escalate(execution.getProcessEngineServices().getRuntimeService(), execution.getProcessInstanceId());
    }
  }

  /**
   * The sweep side: every task past its due date that is not escalated yet (a task-local marker, read
   * for all overdue tasks in one query) is escalated and marked.
   */
  public static class Sweep implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      TaskService taskService = execution.getProcessEngineServices().getTaskService();
      RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
      List<Task> overdue = taskService.createTaskQuery().active().dueBefore(new Date()).list();
      if (overdue.isEmpty()) {
        return;
      }
      Set<String> marked = new HashSet<>();
      for (VariableInstance marker : runtimeService.createVariableInstanceQuery().variableName(ESCALATED)
          .taskIdIn(overdue.stream().map(Task::getId).toArray(String[]::new)).list()) {
        marked.add(marker.getTaskId());
      }
      for (Task task : overdue) {
        if (!marked.contains(task.getId())) {
          escalate(runtimeService, task.getProcessInstanceId());
          taskService.setVariableLocal(task.getId(), ESCALATED, true);
        }
      }
    }
  }
}
