package mx.org.iecm.pgd.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.catalog.Program;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.cycle.LifecycleProcess;
import mx.org.iecm.pgd.cycle.Phase;
import mx.org.iecm.pgd.measurement.Colour;
import mx.org.iecm.pgd.measurement.RollUp;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.status.LineStatus.IndicatorValue;
import mx.org.iecm.pgd.status.LineStatus.OpenTask;
import mx.org.iecm.pgd.status.StatusReport.GroupTotals;
import mx.org.iecm.pgd.status.StatusReport.Totals;
import mx.org.iecm.pgd.web.ApiException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The plan's progress in one year, from the engine's runtime and history in three queries whatever
 * the number of lines: the year's process instances, their status variables, and their open tasks.
 */
@Service
public class StatusService {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STATUS_VARIABLES = {CycleVariables.PHASE, CycleVariables.PROGRESS_PERCENT,
      CycleVariables.INDICATOR_SUMMARY, PlanningProcess.CO_AREA};

  private final PlanCatalog catalog;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final CandidateGroups candidateGroups;
  private final Clock clock;

  StatusService(PlanCatalog catalog, HistoryService historyService, TaskService taskService,
      CandidateGroups candidateGroups, Clock clock) {
    this.catalog = catalog;
    this.historyService = historyService;
    this.taskService = taskService;
    this.candidateGroups = candidateGroups;
    this.clock = clock;
  }

  public StatusReport status(int year) {
    Plan plan = catalog.planCovering(year).orElseThrow(() ->
        ApiException.badRequest("El año " + year + " está fuera del periodo de los planes cargados."));
    String[] keys = BusinessKey.ofYear(plan, year);
    Instant now = clock.instant();

    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(keys).list();
    Map<String, HistoricProcessInstance> instanceById = new HashMap<>();
    Map<String, HistoricProcessInstance> cycleByKey = new HashMap<>();
    Map<String, Integer> openActionsByKey = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      instanceById.put(instance.getId(), instance);
      if (LifecycleProcess.KEY.equals(instance.getProcessDefinitionKey())) {
        cycleByKey.merge(instance.getBusinessKey(), instance,
            (a, b) -> a.getStartTime().after(b.getStartTime()) ? a : b);
      }
      if (CorrectiveActionProcess.KEY.equals(instance.getProcessDefinitionKey()) && instance.getEndTime() == null) {
        openActionsByKey.merge(instance.getBusinessKey(), 1, Integer::sum);
      }
    }

    Map<String, Map<String, HistoricVariableInstance>> variablesByKey = new HashMap<>();
    Map<String, String> coAreaByExecution = new HashMap<>();
    if (!instances.isEmpty()) {
      List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instanceById.keySet().toArray(String[]::new))
          .variableNameIn(STATUS_VARIABLES)
          .disableBinaryFetching()
          .disableCustomObjectDeserialization()
          .list();
      for (HistoricVariableInstance variable : variables) {
        if (PlanningProcess.CO_AREA.equals(variable.getName())) {
          coAreaByExecution.put(variable.getExecutionId(), (String) variable.getValue());
          continue;
        }
        String key = instanceById.get(variable.getProcessInstanceId()).getBusinessKey();
        // Several instances of a cycle may hold the same variable: the most recently written wins.
        variablesByKey.computeIfAbsent(key, k -> new HashMap<>()).merge(variable.getName(), variable,
            (a, b) -> latest(a).isAfter(latest(b)) ? a : b);
      }
    }

    Map<String, List<OpenTask>> tasksByKey = new HashMap<>();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKeyIn(keys).list()) {
      HistoricProcessInstance instance = instanceById.get(task.getProcessInstanceId());
      if (instance == null) {
        continue;
      }
      BusinessKey key = BusinessKey.parse(instance.getBusinessKey());
      ActionLine line = plan.actionLine(key.actionLineId()).orElse(null);
      if (line == null) {
        continue;
      }
      List<String> groups = candidateGroups.of(task.getTaskDefinitionKey(), key,
          coAreaByExecution.get(task.getExecutionId()));
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      tasksByKey.computeIfAbsent(instance.getBusinessKey(), k -> new ArrayList<>()).add(new OpenTask(task.getId(),
          task.getName(), groups, groups.stream().map(group -> Groups.name(group, catalog)).toList(), task.getAssignee(), task.getCreateTime().toInstant(), due, overdueDays(due, now)));
    }

    List<LineStatus> lines = new ArrayList<>();
    for (ActionLine line : plan.actionLines()) {
      String key = new BusinessKey(plan.code(), line.id(), year).toString();
      lines.add(lineStatus(plan, line, key, cycleByKey.get(key), variablesByKey.getOrDefault(key, Map.of()),
          tasksByKey.getOrDefault(key, List.of()), openActionsByKey.getOrDefault(key, 0)));
    }
    return new StatusReport(plan.code(), year, lines, totals(lines, l -> true),
        plan.policies().stream().map(policy -> group(policy.number(), policy.text(), lines,
            l -> l.policy().equals(policy.number()))).toList(),
        plan.programs().stream().map(program -> group(program.number(), program.text(), lines,
            l -> l.program().equals(program.number()))).toList(),
        plan.objectives().stream().map(objective -> group(objective.number(), objective.text(), lines,
            l -> l.objective().equals(objective.number()))).toList());
  }

  private LineStatus lineStatus(Plan plan, ActionLine line, String key, HistoricProcessInstance cycle,
      Map<String, HistoricVariableInstance> variables, List<OpenTask> tasks, int openActions) {
    Phase phase = Phase.NOT_STARTED;
    if (cycle != null) {
      Object value = variables.containsKey(CycleVariables.PHASE) ? variables.get(CycleVariables.PHASE).getValue() : null;
      phase = phaseOf(value, cycle);
    }
    Program program = plan.programs().stream().filter(p -> p.number().equals(line.programNumber())).findFirst()
        .orElseThrow();
    List<OpenTask> sorted = tasks.stream().sorted(Comparator.comparing(OpenTask::created)).toList();
    long overdueDays = sorted.stream().mapToLong(OpenTask::overdueDays).max().orElse(0);
    Object progress = variables.containsKey(CycleVariables.PROGRESS_PERCENT)
        ? variables.get(CycleVariables.PROGRESS_PERCENT).getValue() : null;
    List<IndicatorValue> indicators = indicators(variables.get(CycleVariables.INDICATOR_SUMMARY));
    Double achievement = RollUp.achievement(achievements(List.of(indicators)));
    Colour colour = RollUp.colour(achievement);
    return new LineStatus(line.id(), line.correctedText(), program.policyNumber(), program.number(),
        line.objectiveNumber(), line.responsibleArea(),
        catalog.area(line.responsibleArea()).map(Area::name).orElse(line.responsibleArea()),
        cycle == null ? null : key, cycle == null ? null : cycle.getId(), phase.code(), phase.label(), sorted,
        overdueDays > 0, overdueDays, progress instanceof Number n ? n.doubleValue() : null, indicators,
        achievement, colour == null ? null : colour.label(), openActions);
  }

  private static Phase phaseOf(Object value, HistoricProcessInstance cycle) {
    for (Phase phase : Phase.values()) {
      if (phase.code().equals(value)) {
        return phase;
      }
    }
    return cycle.getEndTime() == null ? Phase.PLANNING : Phase.CLOSED;
  }

  private static List<IndicatorValue> indicators(HistoricVariableInstance summary) {
    if (summary == null || summary.getValue() == null) {
      return List.of();
    }
    try {
      List<IndicatorValue> values = new ArrayList<>();
      for (JsonNode row : JSON.readTree(summary.getValue().toString())) {
        values.add(new IndicatorValue(row.path("indicator").asText(),
            row.path("target").isNumber() ? row.path("target").asDouble() : null,
            row.path("value").isNumber() ? row.path("value").asDouble() : null,
            row.path("achievement").isNumber() ? row.path("achievement").asDouble() : null,
            row.path("colour").isTextual() ? row.path("colour").asText() : null));
      }
      return values;
    } catch (Exception e) {
      return List.of();
    }
  }

  private static GroupTotals group(String number, String text, List<LineStatus> lines, Predicate<LineStatus> member) {
    return new GroupTotals(number, text, totals(lines, member));
  }

  static Totals totals(List<LineStatus> lines, Predicate<LineStatus> member) {
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      byState.put(phase.code(), 0);
    }
    int count = 0;
    int overdue = 0;
    int actions = 0;
    double progress = 0;
    int withProgress = 0;
    List<List<IndicatorValue>> measured = new ArrayList<>();
    Map<String, Integer> byColour = new LinkedHashMap<>();
    for (Colour colour : Colour.values()) {
      byColour.put(colour.label(), 0);
    }
    for (LineStatus line : lines) {
      if (!member.test(line)) {
        continue;
      }
      measured.add(line.indicators());
      line.indicators().stream().filter(indicator -> indicator.colour() != null)
          .forEach(indicator -> byColour.merge(indicator.colour(), 1, Integer::sum));
      count++;
      byState.merge(line.state(), 1, Integer::sum);
      overdue += line.overdue() ? 1 : 0;
      actions += line.openCorrectiveActions();
      if (line.progressPercent() != null) {
        progress += line.progressPercent();
        withProgress++;
      }
    }
    Double average = withProgress == 0 ? null : Math.round(progress / withProgress * 10) / 10.0;
    Double achievement = RollUp.achievement(achievements(measured));
    Colour colour = RollUp.colour(achievement);
    return new Totals(count, byState, overdue, actions, average, achievement, colour == null ? null : colour.label(),
        byColour);
  }

  /** The achievements of every indicator measured against a target of its period. */
  private static List<Double> achievements(List<List<IndicatorValue>> indicators) {
    List<Double> achievements = new ArrayList<>();
    indicators.forEach(each -> each.stream().map(IndicatorValue::achievement).filter(java.util.Objects::nonNull)
        .forEach(achievements::add));
    return achievements;
  }

  static long overdueDays(Instant due, Instant now) {
    if (due == null || !due.isBefore(now)) {
      return 0;
    }
    long hours = Duration.between(due, now).toHours();
    return Math.max(1, (hours + 23) / 24);
  }

  private static Instant latest(HistoricVariableInstance variable) {
    return variable.getCreateTime() == null ? Instant.EPOCH : variable.getCreateTime().toInstant();
  }
}
