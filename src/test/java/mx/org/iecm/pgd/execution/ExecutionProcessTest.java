package mx.org.iecm.pgd.execution;

import static mx.org.iecm.pgd.execution.ExecutionProcess.EVENT_REPORT_DATE_REACHED;
import static mx.org.iecm.pgd.execution.ExecutionProcess.TASK_ANALYSE_DEVIATION;
import static mx.org.iecm.pgd.execution.ExecutionProcess.TASK_REPORT_PROGRESS;
import static mx.org.iecm.pgd.execution.ExecutionProcess.TASK_VALIDATE_PROGRESS;
import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.decision;
import static mx.org.iecm.pgd.support.Submissions.implementation;
import static mx.org.iecm.pgd.support.Submissions.progress;
import static mx.org.iecm.pgd.support.Submissions.rootCause;
import static mx.org.iecm.pgd.support.Submissions.workProgramJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.task.Submission;
import mx.org.iecm.pgd.support.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = {"bpmn/action-line-execution.bpmn", "bpmn/program-change.bpmn", "bpmn/corrective-action.bpmn"})
class ExecutionProcessTest extends ProcessTest {

  /** Execution of a cycle whose version 1 of the program (Submissions.workProgramJson) was approved. */
  private ProcessInstance startExecution(int year) {
    return startExecution(year, WorkProgram.read(workProgramJson(year)));
  }

  /** Execution of line 1.1 in {@code year} with {@code program} approved as version 1. */
  private ProcessInstance startExecution(int year, ObjectNode program) {
    ObjectNode approved = WorkProgram.withServerProperties(program, 1);
    beans.programVersions.store(new BusinessKey("PGD-2020-2023", "1.1", year), 1, approved.toString(),
        "Programa de trabajo aprobado", "sgce2", Instant.now(), "planning");
    return start(ExecutionProcess.KEY, "1.1", year, Map.of(WorkProgram.VARIABLE, WorkProgram.value(approved)));
  }

  private JsonNode variable(Task task, String name) {
    return Submission.toJson(engine.getTaskService().getVariable(task.getId(), name));
  }

  private static List<String> column(JsonNode rows, String column) {
    List<String> values = new java.util.ArrayList<>();
    rows.forEach(row -> values.add(row.path(column).asText()));
    return values;
  }

  @Test
  void reportingDatesComeFromTheLineFrequencyAndTheYear() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);

    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables().containsEntry("reportDates", List.of(
        // Mexico City still kept daylight saving time in 2021.
        "2021-03-31T09:00:00-06:00", "2021-06-30T09:00:00-05:00", "2021-09-30T09:00:00-05:00",
        "2021-12-31T09:00:00-06:00"));
  }

  @Test
  void progressOnScheduleMovesToTheNextReportingDate() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();

    clockAt(2021, 4, 1);
    fireTimer(key);
    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(engine.getTaskService().getVariable(staff.taskOf(key).getId(), "activityProgress").toString())
        .contains("Diagnóstico de boletas", "Rediseño y prueba con ciudadanía");
    staff.completeTaskOf(key, progress(50));
    assertThat(execution).isWaitingAt(TASK_VALIDATE_PROGRESS);
    head.completeTaskOf(key, approve());

    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables()
        .containsEntry("deviation", false)
        .containsEntry("progressPercent", 50.0)
        .containsEntry("expectedPercent", 22.8);
  }

  @Test
  void aValueThatDidNotChangeIsNotWrittenAgain() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    for (int quarter = 1; quarter <= 2; quarter++) {
      clockAt(2021, quarter * 3 + 1, 1);
      fireTimer(key);
      staff.completeTaskOf(key, progress(100));
      head.completeTaskOf(key, approve());
    }

    // The same head validated both quarters, both on schedule: who decided and the deviation were
    // written once; what was expected grew, so it was written twice.
    assertThat(updatesOf(execution, CycleVariables.DECIDED_BY)).containsExactly("deoeyg-head1");
    assertThat(updatesOf(execution, "deviation")).containsExactly(false);
    assertThat(updatesOf(execution, "expectedPercent")).hasSize(2).doesNotHaveDuplicates();
  }

  private List<Object> updatesOf(ProcessInstance execution, String variable) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(execution.getId())
        .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(variable))
        .map(org.camunda.bpm.engine.history.HistoricVariableUpdate::getValue)
        .toList();
  }

  /** Execution of line 1.1 in {@code year} with the measured program (Submissions.measuredProgramJson). */
  private ProcessInstance startMeasuredExecution(int year) {
    clockAt(year, 1, 10);
    return startExecution(year, WorkProgram.read(Submissions.measuredProgramJson(year)));
  }

  /** The report of {@code quarter} (due at its last day; the clock moves to the day after), validated by the head. */
  private void reportQuarter(String key, int year, int quarter, Map<String, Object> report) {
    clockAt(year, quarter * 3 + 1 > 12 ? 12 : quarter * 3 + 1, 1);
    fireTimer(key);
    staff.completeTaskOf(key, report);
    head.completeTaskOf(key, approve());
  }

  private JsonNode indicatorSummary(ProcessInstance execution, String indicator) {
    JsonNode summary = Submission.toJson(engine.getRuntimeService().getVariable(execution.getId(), "indicatorSummary"));
    for (JsonNode row : summary) {
      if (row.path("indicator").asText().equals(indicator)) {
        return row;
      }
    }
    throw new AssertionError("No indicator " + indicator + " in " + summary);
  }

  @Test
  void anIndicatorInRedTriggersTheAnalysisByThePlanningOfficeWithItsReason() {
    ProcessInstance execution = startMeasuredExecution(2021);
    String key = execution.getBusinessKey();

    // On schedule (35.0 % weighted against 34.8 % expected) and within budget, but 5 of the quarter's 10 test boxes.
    reportQuarter(key, 2021, 1, Submissions.measuredProgress(1, 50, 0, 5, 4.3, 90000, 0));

    assertThat(execution).isWaitingAt(TASK_ANALYSE_DEVIATION).variables()
        .containsEntry("deviation", true).containsEntry("progressPercent", 35.0).containsEntry("expectedPercent", 34.8);
    assertThat(task(execution)).hasCandidateGroup("dprf-staff");
    assertThat(variable(task(execution), "deviationReasons")).extracting(JsonNode::asText).containsExactly(
        "Indicador «Casillas con boleta de prueba» en rojo: 5 frente a la meta del periodo de 10 (50.0 % de cumplimiento).");
    assertThat(indicatorSummary(execution, "Casillas con boleta de prueba").path("colour").asText()).isEqualTo("rojo");
    assertThat(indicatorSummary(execution, "Votos nulos por error de llenado").path("colour").asText())
        .isEqualTo("verde");
  }

  @Test
  void aDescendingIndicatorIsGreenBelowItsTargetAndRedWellAboveIt() {
    ProcessInstance execution = startMeasuredExecution(2022);
    String key = execution.getBusinessKey();

    // 4.0 % null votes against 4.4: less is better, 110 % achieved (read as ascending it would be 90.9 %, yellow).
    reportQuarter(key, 2022, 1, Submissions.measuredProgress(1, 50, 0, 10, 4.0, 90000, 0));
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables().containsEntry("deviation", false)
        .doesNotContainKey("deviationReasons");
    JsonNode nullVotes = indicatorSummary(execution, "Votos nulos por error de llenado");
    assertThat(nullVotes.path("achievement").decimalValue()).isEqualByComparingTo("110.0");
    assertThat(nullVotes.path("colour").asText()).isEqualTo("verde");

    // 5.5 % against 4.2: 76.4 % achieved, below this indicator's yellow threshold (80 %).
    reportQuarter(key, 2022, 2, Submissions.measuredProgress(2, 100, 0, 20, 5.5, 200000, 50000));
    assertThat(execution).isWaitingAt(TASK_ANALYSE_DEVIATION);
    assertThat(variable(task(execution), "deviationReasons")).extracting(JsonNode::asText).containsExactly(
        "Indicador «Votos nulos por error de llenado» en rojo: 5.5 frente a la meta del periodo de 4.2"
            + " (76.4 % de cumplimiento, indicador descendente).");
  }

  @Test
  void spendingBeyondTheToleranceOfWhatWasAuthorisedTriggersTheAnalysis() {
    ProcessInstance execution = startMeasuredExecution(2023);
    String key = execution.getBusinessKey();

    // $120,000 spent against $100,000 authorised for the first quarter: 20 % over, the tolerance is 5 %.
    reportQuarter(key, 2023, 1, Submissions.measuredProgress(1, 50, 0, 10, 4.3, 110000, 10000));

    assertThat(execution).isWaitingAt(TASK_ANALYSE_DEVIATION);
    assertThat(variable(task(execution), "deviationReasons")).extracting(JsonNode::asText).containsExactly(
        "Presupuesto ejercido de $120,000.00 frente a $100,000.00 autorizados hasta el trimestre 1 (120.0 %;"
            + " tolerancia: 5.0 %).");
  }

  @Test
  void spendingWithinTheToleranceIsNoDeviation() {
    ProcessInstance execution = startMeasuredExecution(2020);
    String key = execution.getBusinessKey();

    reportQuarter(key, 2020, 1, Submissions.measuredProgress(1, 50, 0, 10, 4.3, 104000, 1000));

    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED).variables().containsEntry("deviation", false);
  }

  @Test
  void aMeasuredReportListsThePeriodsTargetsAndAuthorisedAmountsAndRefusesMovingThem() {
    ProcessInstance execution = startMeasuredExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 7, 1);
    fireTimer(key);
    staff.completeTaskOf(key, Submissions.measuredProgress(1, 50, 0, 10, 4.3, 90000, 0));
    head.completeTaskOf(key, approve());
    fireTimer(key);
    org.camunda.bpm.engine.task.Task report = task(execution);

    // The second quarter's rows: its targets and what was authorised for the first two quarters.
    assertThat(variable(report, "indicatorValues").toString())
        .contains("{\"indicator\":\"Casillas con boleta de prueba\",\"target\":20,\"value\":null}")
        .contains("{\"indicator\":\"Votos nulos por error de llenado\",\"target\":4.2,\"value\":null}");
    assertThat(variable(report, "budgetSpent").toString())
        .contains("{\"item\":\"Impresión de boletas de prueba\",\"authorised\":200000,\"spent\":null}")
        .contains("{\"item\":\"Talleres con ciudadanía\",\"authorised\":50000,\"spent\":null}");
    int journalRows = beans.journal.of(key).size();

    Map<String, Object> forged = Submissions.measuredProgress(2, 100, 0, 20, 4.2, 200000, 50000);
    forged.put("budgetSpent", Submissions.json("""
        [{"item":"Impresión de boletas de prueba","authorised":400000,"spent":200000}]"""));
    forged.put("indicatorValues", Submissions.json("""
        [{"indicator":"Casillas con boleta de prueba","target":5,"value":20},
         {"indicator":"Votos nulos por error de llenado","target":4.2,"value":4.2}]"""));
    assertThatThrownBy(() -> staff.complete(report, forged))
        .isInstanceOf(mx.org.iecm.pgd.task.SubmissionRefusedException.class)
        .hasMessageContaining("Presupuesto ejercido: debe traer una fila por cada partida del programa vigente, con su"
            + " nombre: faltan «Talleres con ciudadanía»")
        .hasMessageContaining("Partida 1 – Autorizado al trimestre (MXN): el monto autorizado hasta el trimestre de"
            + " «Impresión de boletas de prueba» en el programa vigente es 200000; se recibió «400000»")
        .hasMessageContaining("Indicador 1 – Meta: la meta de «Casillas con boleta de prueba» en el programa vigente"
            + " es 20; se recibió «5»");
    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(beans.journal.of(key)).hasSize(journalRows);
  }

  @Test
  void theProgramsWeightsChangeTheComputedProgress() {
    ProcessInstance weighted = startMeasuredExecution(2021);
    ObjectNode reversed = WorkProgram.read(Submissions.measuredProgramJson(2022));
    ((ObjectNode) reversed.path("activities").get(0)).put("weight", 30);
    ((ObjectNode) reversed.path("activities").get(1)).put("weight", 70);
    ObjectNode unweighted = WorkProgram.read(Submissions.measuredProgramJson(2023));
    unweighted.path("activities").forEach(activity -> ((ObjectNode) activity).remove("weight"));
    clockAt(2022, 1, 10);
    ProcessInstance reversedExecution = startExecution(2022, reversed);
    clockAt(2023, 1, 10);
    ProcessInstance unweightedExecution = startExecution(2023, unweighted);

    // The same report on each: the diagnosis done, the redesign not started.
    reportQuarter(weighted.getBusinessKey(), 2021, 1, Submissions.measuredProgress(1, 100, 0, 10, 4.3, 90000, 0));
    reportQuarter(reversedExecution.getBusinessKey(), 2022, 1,
        Submissions.measuredProgress(1, 100, 0, 10, 4.3, 90000, 0));
    reportQuarter(unweightedExecution.getBusinessKey(), 2023, 1,
        Submissions.measuredProgress(1, 100, 0, 10, 4.3, 90000, 0));

    assertThat(weighted).variables().containsEntry("progressPercent", 70.0).containsEntry("expectedPercent", 34.8);
    assertThat(reversedExecution).variables().containsEntry("progressPercent", 30.0)
        .containsEntry("expectedPercent", 14.9);
    assertThat(unweightedExecution).variables().containsEntry("progressPercent", 50.0)
        .containsEntry("expectedPercent", 24.9);
  }

  @Test
  void deviationLeadsToAnalysisAndACorrectiveActionThenTheNextPeriod() {
    clockAt(2021, 1, 10);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 4, 1);
    fireTimer(key);
    staff.completeTaskOf(key, progress(30));
    head.completeTaskOf(key, approve());
    clockAt(2021, 7, 1);
    fireTimer(key);

    staff.completeTaskOf(key, progress(10));
    head.completeTaskOf(key, approve());

    assertThat(execution).isWaitingAt(TASK_ANALYSE_DEVIATION).variables()
        .containsEntry("deviation", true).containsEntry("expectedPercent", 50.0);
    assertThat(task(execution)).hasCandidateGroup("dprf-staff");
    planningOffice.completeTaskOf(key, decision("corrective", "El diagnóstico se atrasó por la licitación."));
    ProcessInstance action = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CorrectiveActionProcess.KEY).processInstanceBusinessKey(key).singleResult();
    assertThat(action).isWaitingAt(CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE).variables()
        .containsEntry("finding", "El diagnóstico se atrasó por la licitación.");
    staff.completeTaskOf(key, rootCause());
    head.completeTaskOf(key, approve());
    staff.completeTaskOf(key, implementation());
    sgce.completeTaskOf(key, approve());

    assertThat(action).isEnded();
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED);

    // The planning office's decision was not a return: the next period's report shows no «Devuelto» banner.
    clockAt(2021, 10, 1);
    fireTimer(key);
    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(engine.getTaskService().getVariable(task(execution).getId(), "returnComments")).isNull();
    assertThat(engine.getTaskService().getVariable(task(execution).getId(), "returnedBy")).isNull();
  }

  @Test
  void aReportWhoseRowsAreNotTheProgramsActivitiesIsRefusedAndChangesNothing() {
    clockAt(2021, 3, 1);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 4, 1);
    fireTimer(key);
    org.camunda.bpm.engine.task.Task report = task(execution);
    int journalRows = beans.journal.of(key).size();

    Map<String, Object> forged = new HashMap<>(progress(30));
    forged.put("activityProgress", mx.org.iecm.pgd.support.Submissions.json("""
        [{"activity":"Diagnóstico de boletas","percent":90},
         {"activity":"Actividad inventada","percent":100},
         {"activity":"Actividad inventada","percent":100}]"""));
    assertThatThrownBy(() -> staff.complete(report, forged))
        .isInstanceOf(mx.org.iecm.pgd.task.SubmissionRefusedException.class)
        .hasMessageContaining("Avance por actividad: debe traer una fila por cada actividad del programa vigente, con su"
            + " nombre: faltan «Rediseño y prueba con ciudadanía»; no son del programa vigente «Actividad inventada»;"
            + " se repiten «Actividad inventada»");

    assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
    assertThat(beans.journal.of(key)).hasSize(journalRows);
    staff.complete(report, progress(30));
    assertThat(execution).isWaitingAt(TASK_VALIDATE_PROGRESS);
  }

  @Test
  void changeAfterDeviationKeepsTheNewVersionBesideTheOld() {
    clockAt(2021, 6, 1);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();
    clockAt(2021, 7, 1);
    fireTimer(key);
    staff.completeTaskOf(key, progress(0));
    head.completeTaskOf(key, approve());
    planningOffice.completeTaskOf(key, decision("change", "Las fechas del rediseño ya no son alcanzables."));
    // The planning office's analysis goes to the person who drafts the change; it is no «Devuelto» banner.
    org.camunda.bpm.engine.task.Task draft = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST).singleResult();
    assertThat(engine.getTaskService().getVariable(draft.getId(), ProgramChangeProcess.SGCE_ANALYSIS))
        .isEqualTo("Las fechas del rediseño ya no son alcanzables.");
    assertThat(engine.getTaskService().getVariable(draft.getId(), "returnComments")).isNull();

    // The draft opens on the whole program in force: budget and risks included.
    JsonNode inForce = variable(draft, WorkProgram.VARIABLE);
    assertThat(inForce.path("version").asInt()).isEqualTo(1);
    assertThat(inForce.path("budget").decimalValue()).isEqualByComparingTo("250000");
    assertThat(inForce.path("risks").asText()).startsWith("Retraso en la aprobación");

    // Staff add an activity and an annual indicator; the form sends back the rest as it was (and a
    // version number of its own, which the server replaces).
    ObjectNode revised = ((ObjectNode) inForce.deepCopy()).put("version", 7);
    ((com.fasterxml.jackson.databind.node.ArrayNode) revised.get("activities")).addObject()
        .put("name", "Campaña de difusión").put("start", "2021-08-01").put("end", "2021-11-30")
        .put("deliverable", "Cápsulas y carteles");
    ((com.fasterxml.jackson.databind.node.ArrayNode) revised.get("indicators")).addObject()
        .put("name", "Personas informadas").put("formula", "personas alcanzadas").put("unit", "personas")
        .put("frequency", "anual").put("baseline", 0).put("target", 5000);
    Map<String, Object> change = new HashMap<>(Submissions.workProgramDocument(revised.toString()));
    change.put("changeReason", "Mover el rediseño al segundo semestre por la licitación.");
    staff.completeTaskOf(key, change);

    // The approvers see what changed from version 1, field by field.
    Task approval = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD).singleResult();
    assertThat(variable(approval, WorkProgram.VARIABLE).path("version").asInt()).isEqualTo(1);
    assertThat(column(variable(approval, ProgramChangeProcess.PROGRAM_CHANGES), "label"))
        .containsExactly("Actividad 3", "Indicador 2");
    assertThat(column(variable(approval, ProgramChangeProcess.PROGRAM_CHANGES), "after")).containsExactly(
        "Agregado: Actividad: Campaña de difusión; Inicio: 01/08/2021; Fin: 30/11/2021; Entregable: Cápsulas y"
            + " carteles",
        "Agregado: Nombre del indicador: Personas informadas; Fórmula: personas alcanzadas; Unidad de medida:"
            + " personas; Frecuencia de medición: anual; Línea base: 0; Meta anual: 5,000");
    head.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());

    assertThat(beans.programVersions.of(key)).extracting(v -> v.version(), v -> v.reason())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Programa de trabajo aprobado"),
            org.assertj.core.groups.Tuple.tuple(2, "Mover el rediseño al segundo semestre por la licitación."));
    JsonNode stored = WorkProgram.read(beans.programVersions.of(key).get(1).content());
    assertThat(stored.path("version").asInt()).isEqualTo(2);
    assertThat(stored.path("budget").decimalValue()).isEqualByComparingTo("250000");
    assertThat(stored.path("activities")).hasSize(3);
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED);

    // The next report measures version 2: three activities, no banner, nothing prefilled; the annual
    // indicator is not asked for in September.
    clockAt(2021, 10, 1);
    fireTimer(key);
    Task report = task(execution);
    assertThat(report.getTaskDefinitionKey()).isEqualTo(TASK_REPORT_PROGRESS);
    assertThat(column(variable(report, "activityProgress"), "activity")).containsExactly("Diagnóstico de boletas",
        "Rediseño y prueba con ciudadanía", "Campaña de difusión");
    assertThat(column(variable(report, "activityProgress"), "percent")).containsOnly("null");
    assertThat(column(variable(report, "indicatorValues"), "indicator")).containsExactly(
        "Votos nulos por error de llenado");
    assertThat(variable(report, ProgressReport.PREVIOUS_REPORT).path("activities").path("Diagnóstico de boletas")
        .asInt()).isZero();
    assertThat(engine.getTaskService().getVariable(report.getId(), "returnComments")).isNull();
    assertThat(engine.getTaskService().getVariable(report.getId(), "evidenceLinks")).isNull();
  }

  @Test
  void anAnnualIndicatorIsAskedForOnlyInTheDecemberReport() {
    clockAt(2021, 1, 10);
    ObjectNode program = WorkProgram.read(workProgramJson(2021));
    ((ObjectNode) program.get("indicators").get(0)).put("frequency", "anual");
    ProcessInstance execution = startExecution(2021, program);
    String key = execution.getBusinessKey();
    List<Integer> asked = new java.util.ArrayList<>();
    for (int month : new int[] {4, 7, 10}) {
      clockAt(2021, month, 1);
      fireTimer(key);
      asked.add(variable(task(execution), "indicatorValues").size());
      Map<String, Object> report = new HashMap<>(progress(100));
      report.put("indicatorValues", Submissions.json("[]"));
      staff.completeTaskOf(key, report);
      head.completeTaskOf(key, approve());
    }
    clockAt(2022, 1, 1);
    fireTimer(key);
    asked.add(variable(task(execution), "indicatorValues").size());

    assertThat(asked).containsExactly(0, 0, 0, 1);
    // Leaving it out in December is refused.
    Map<String, Object> withoutIt = new HashMap<>(progress(100));
    withoutIt.put("indicatorValues", Submissions.json("[]"));
    assertThatThrownBy(() -> staff.completeTaskOf(key, withoutIt))
        .isInstanceOf(mx.org.iecm.pgd.task.SubmissionRefusedException.class)
        .hasMessageContaining("Valores de los indicadores: debe traer una fila por cada indicador que se mide en este"
            + " periodo del programa vigente, con su nombre: faltan «Votos nulos por error de llenado»");
  }

  /** Version 1 whose second activity is carried out by the co-responsible area utalaod. */
  private ProcessInstance startExecutionWithSharedActivity(int year) {
    ObjectNode program = WorkProgram.read(workProgramJson(year));
    ((ObjectNode) program.get("activities").get(1)).put("area", "utalaod");
    return startExecution(year, program);
  }

  private Map<String, Object> changeRequest(JsonNode program, String reason) {
    Map<String, Object> change = new HashMap<>(Submissions.workProgramDocument(program.toString()));
    change.put("changeReason", reason);
    return change;
  }

  /** Staff request a change that moves the end of one activity of the program in force; returns it. */
  private ObjectNode requestChangeMovingEnd(ProcessInstance execution, int activity, String end, String reason) {
    beans.cycles.requestChangeOfExecution(execution.getId());
    String key = execution.getBusinessKey();
    ObjectNode revised = (ObjectNode) variable(staff.taskOf(key), WorkProgram.VARIABLE).deepCopy();
    ((ObjectNode) revised.get("activities").get(activity)).put("end", end);
    staff.completeTaskOf(key, changeRequest(revised, reason));
    return revised;
  }

  @Test
  void aChangeToAnActivityOfACoResponsibleAreaIsConfirmedByThatAreaWhoseReturnSendsItBack() {
    clockAt(2021, 2, 1);
    ProcessInstance execution = startExecutionWithSharedActivity(2021);
    String key = execution.getBusinessKey();
    ObjectNode revised = requestChangeMovingEnd(execution, 1, "2021-12-31",
        "La prueba con ciudadanía necesita dos semanas más.");
    head.completeTaskOf(key, approve());

    Task confirmation = coResponsibleHead.taskOf(key);
    assertThat(confirmation.getTaskDefinitionKey()).isEqualTo(ProgramChangeProcess.TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY);
    assertThat(engine.getTaskService().getIdentityLinksForTask(confirmation.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("utalaod-head");
    assertThat(engine.getTaskService().getVariable(confirmation.getId(), "coAreaName"))
        .isEqualTo(mx.org.iecm.pgd.support.ProcessBeans.CATALOG.area("utalaod").orElseThrow().name());
    assertThat(column(variable(confirmation, ProgramChangeProcess.PROGRAM_CHANGES), "label"))
        .containsExactly("Actividad 2 – Fin");
    coResponsibleHead.completeTaskOf(key, Submissions.returned("Con esa fecha no alcanzamos a imprimir."));

    // Back to the draft; once the area agrees, the SGCE decides.
    Task redraft = staff.taskOf(key);
    assertThat(redraft.getTaskDefinitionKey()).isEqualTo(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST);
    ((ObjectNode) revised.get("activities").get(1)).put("end", "2021-12-20");
    staff.completeTaskOf(key, changeRequest(revised, "La prueba con ciudadanía necesita una semana más."));
    head.completeTaskOf(key, approve());
    coResponsibleHead.completeTaskOf(key, approve());
    sgce.completeTaskOf(key, approve());

    assertThat(beans.programVersions.of(key)).hasSize(2);
    assertThat(WorkProgram.read(beans.programVersions.of(key).get(1).content()).path("activities").get(1)
        .path("end").asText()).isEqualTo("2021-12-20");
  }

  @Test
  void aChangeThatTouchesNoActivityOfACoResponsibleAreaGoesFromTheHeadToTheSgce() {
    clockAt(2021, 2, 1);
    ProcessInstance execution = startExecutionWithSharedActivity(2021);
    String key = execution.getBusinessKey();
    requestChangeMovingEnd(execution, 0, "2021-07-15", "El diagnóstico abarca también las boletas de consulta.");
    head.completeTaskOf(key, approve());

    Task next = sgce.taskOf(key);
    assertThat(next.getTaskDefinitionKey()).isEqualTo(ProgramChangeProcess.TASK_APPROVE_CHANGE_SGCE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(ProgramChangeProcess.TASK_CONFIRM_CHANGE_CO_RESPONSIBILITY).count()).isZero();
  }

  @Test
  void staffCanRequestAChangeAtAnyTimeWithoutStoppingTheReports() {
    clockAt(2021, 2, 1);
    ProcessInstance execution = startExecution(2021);
    String key = execution.getBusinessKey();

    beans.cycles.requestChangeOfExecution(execution.getId());

    Task draft = staff.taskOf(key);
    assertThat(draft.getTaskDefinitionKey()).isEqualTo(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST);
    assertThat(execution).isWaitingAt(EVENT_REPORT_DATE_REACHED);
  }

  @Test
  void overdueReportIsEscalatedToTheHeadAndStaysOpen() {
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("deoeyg-head"));
    engine.getIdentityService().saveUser(user("deoeyg-head1", "titular1@iecm.test"));
    engine.getIdentityService().createMembership("deoeyg-head1", "deoeyg-head");
    try {
      clockAt(2021, 3, 1);
      ProcessInstance execution = startExecution(2021);
      String key = execution.getBusinessKey();
      clockAt(2021, 4, 1);
      fireTimer(key);
      assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);

      clockAt(2021, 4, 12);
      fireTimer(key);

      assertThat(execution).isWaitingAt(TASK_REPORT_PROGRESS);
      String escalations = engine.getRuntimeService().getVariable(execution.getId(), "escalations").toString();
      assertThat(escalations).contains("\"taskKey\":\"Task_ReportProgress\"", "\"notifiedGroup\":\"deoeyg-head\"",
          "titular1@iecm.test");
    } finally {
      engine.getIdentityService().deleteUser("deoeyg-head1");
      engine.getIdentityService().deleteGroup("deoeyg-head");
    }
  }

  private org.camunda.bpm.engine.identity.User user(String id, String email) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
    user.setEmail(email);
    user.setPassword("x");
    return user;
  }
}
