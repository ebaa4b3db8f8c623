package mx.org.iecm.pgd.task;

import static mx.org.iecm.pgd.cycle.CycleVariables.APPROVE;
import static mx.org.iecm.pgd.cycle.CycleVariables.RETURN;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import mx.org.iecm.pgd.closure.ClosureProcess;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionProcess;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.execution.ExecutionProcess;
import mx.org.iecm.pgd.execution.ProgramChangeProcess;
import mx.org.iecm.pgd.planning.PlanningProcess;
import mx.org.iecm.pgd.review.ReviewProcess;

/**
 * What each user task must receive to be completed: the same rules as its Camunda Form, enforced on
 * the server whatever the client. Pure Java: tested without an engine.
 */
final class SubmissionRules {

  static final int COMMENTS_MAX = 2000;
  static final int TEXT_MAX = 2000;
  static final int LONG_TEXT_MAX = 4000;
  static final List<String> INDICATOR_FREQUENCIES = List.of("mensual", "trimestral", "semestral", "anual");
  static final List<String> LESSON_CATEGORIES =
      List.of("planeacion", "ejecucion", "coordinacion", "recursos", "tecnologia", "otra");

  /** Tasks done by an area's staff: whoever completes one may not approve what follows. */
  static final Set<String> STAFF_TASKS = Set.of(
      PlanningProcess.TASK_DRAFT_PROGRAM,
      ExecutionProcess.TASK_REPORT_PROGRESS,
      ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST,
      ReviewProcess.TASK_REPORT_RESULTS,
      ClosureProcess.TASK_WRITE_CLOSING_REPORT,
      CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE,
      CorrectiveActionProcess.TASK_IMPLEMENT_ACTIONS);

  /** The form fields each staff task submits (decision tasks submit decision and comments). */
  static final Map<String, List<String>> FORM_FIELDS = Map.of(
      PlanningProcess.TASK_DRAFT_PROGRAM, List.of(CycleVariables.GOAL, CycleVariables.ACTIVITIES,
          CycleVariables.INDICATORS, CycleVariables.BUDGET, CycleVariables.RISKS),
      ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, List.of(ProgramChangeProcess.CHANGE_REASON, CycleVariables.GOAL,
          CycleVariables.ACTIVITIES, CycleVariables.INDICATORS, CycleVariables.BUDGET, CycleVariables.RISKS),
      ExecutionProcess.TASK_REPORT_PROGRESS, List.of(ExecutionProcess.ACTIVITY_PROGRESS,
          ExecutionProcess.INDICATOR_VALUES, ExecutionProcess.EVIDENCE_LINKS, ExecutionProcess.PROBLEMS),
      ReviewProcess.TASK_REPORT_RESULTS, List.of(ReviewProcess.INDICATOR_RESULTS, ReviewProcess.RESULTS_SUMMARY,
          ExecutionProcess.EVIDENCE_LINKS),
      ClosureProcess.TASK_WRITE_CLOSING_REPORT, List.of(ClosureProcess.CLOSING_REPORT, ClosureProcess.LESSONS),
      CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE, List.of(CorrectiveActionProcess.ROOT_CAUSE,
          CorrectiveActionProcess.ACTION_PLAN),
      CorrectiveActionProcess.TASK_IMPLEMENT_ACTIONS, List.of(CorrectiveActionProcess.IMPLEMENTATION_REPORT,
          ExecutionProcess.EVIDENCE_LINKS));

  /** Decision tasks: the allowed decisions, and those that need no comments. */
  static final Map<String, Decisions> DECISION_TASKS = decisionTasks();

  record Decisions(List<String> allowed, List<String> withoutComments) {
  }

  private final Map<String, Consumer<Problems>> fieldRules = new HashMap<>();

  SubmissionRules() {
    fieldRules.put(PlanningProcess.TASK_DRAFT_PROGRAM, this::workProgram);
    fieldRules.put(ProgramChangeProcess.TASK_DRAFT_CHANGE_REQUEST, problems -> {
      problems.requiredText(ProgramChangeProcess.CHANGE_REASON, "Justificación de la modificación", TEXT_MAX);
      workProgram(problems);
    });
    fieldRules.put(ExecutionProcess.TASK_REPORT_PROGRESS, problems -> {
      problems.rows(ExecutionProcess.ACTIVITY_PROGRESS, "Avance por actividad", "Actividad", 1, row -> {
        row.text("activity", "Actividad", 300);
        row.number("percent", "% de avance", true, BigDecimal.ZERO, BigDecimal.valueOf(100));
      });
      problems.rows(ExecutionProcess.INDICATOR_VALUES, "Valores de los indicadores", "Indicador", 0, row -> {
        row.text("indicator", "Indicador", 200);
        row.number("value", "Valor alcanzado", true, null, null);
      });
      problems.links(ExecutionProcess.EVIDENCE_LINKS, "Evidencias");
      problems.optionalText(ExecutionProcess.PROBLEMS, "Problemas encontrados", LONG_TEXT_MAX);
    });
    fieldRules.put(ReviewProcess.TASK_REPORT_RESULTS, problems -> {
      problems.rows(ReviewProcess.INDICATOR_RESULTS, "Resultados por indicador", "Indicador", 1, row -> {
        row.text("indicator", "Indicador", 200);
        row.number("value", "Valor final", true, null, null);
      });
      problems.requiredText(ReviewProcess.RESULTS_SUMMARY, "Resumen de resultados", LONG_TEXT_MAX);
      problems.links(ExecutionProcess.EVIDENCE_LINKS, "Evidencias");
    });
    fieldRules.put(ClosureProcess.TASK_WRITE_CLOSING_REPORT, problems -> {
      problems.requiredText(ClosureProcess.CLOSING_REPORT, "Informe de cierre", 8000);
      problems.rows(ClosureProcess.LESSONS, "Lecciones aprendidas", "Lección", 1, row -> {
        row.text("lesson", "Lección aprendida", TEXT_MAX);
        row.oneOf("category", "Categoría", LESSON_CATEGORIES);
      });
    });
    fieldRules.put(CorrectiveActionProcess.TASK_ANALYSE_ROOT_CAUSE, problems -> {
      problems.requiredText(CorrectiveActionProcess.ROOT_CAUSE, "Causa raíz", LONG_TEXT_MAX);
      problems.rows(CorrectiveActionProcess.ACTION_PLAN, "Plan de acción", "Acción", 1, row -> {
        row.text("action", "Acción", 500);
        row.text("responsible", "Responsable", 200);
        row.date("dueDate", "Fecha compromiso", null);
      });
    });
    fieldRules.put(CorrectiveActionProcess.TASK_IMPLEMENT_ACTIONS, problems -> {
      problems.requiredText(CorrectiveActionProcess.IMPLEMENTATION_REPORT, "Informe de implementación", LONG_TEXT_MAX);
      problems.links(ExecutionProcess.EVIDENCE_LINKS, "Evidencias");
    });
  }

  /** Everything wrong with completing {@code taskKey} with these values; empty when it may complete. */
  List<Problem> check(String taskKey, Submission submission) {
    Problems problems = new Problems(submission);
    Decisions decisions = DECISION_TASKS.get(taskKey);
    if (decisions != null) {
      problems.decision(decisions.allowed(), decisions.withoutComments(), COMMENTS_MAX);
    }
    Consumer<Problems> rules = fieldRules.get(taskKey);
    if (rules != null) {
      rules.accept(problems);
    }
    return problems.list();
  }

  /** The Spanish problem when the person completing a decision task prepared what it decides on. */
  static Problem selfApproval(String user) {
    return new Problem(CycleVariables.DECISION, "Decisión", user + " preparó este trabajo y no puede aprobarlo ni"
        + " devolverlo; debe decidir otra persona del grupo");
  }

  private void workProgram(Problems problems) {
    Integer year = problems.submissionYear();
    problems.requiredText(CycleVariables.GOAL, "Objetivo específico", TEXT_MAX);
    problems.rows(CycleVariables.ACTIVITIES, "Actividades", "Actividad", 1, row -> {
      row.text("name", "Actividad", 300);
      LocalDate start = row.date("start", "Inicio", year);
      LocalDate end = row.date("end", "Fin", year);
      row.dateOrder(start, end, "end", "Inicio", "Fin");
      row.text("deliverable", "Entregable", 300);
    });
    problems.rows(CycleVariables.INDICATORS, "Indicadores", "Indicador", 1, row -> {
      row.text("name", "Nombre del indicador", 200);
      row.text("formula", "Fórmula", 500);
      row.text("unit", "Unidad de medida", 50);
      row.oneOf("frequency", "Frecuencia de medición", INDICATOR_FREQUENCIES);
      row.number("baseline", "Línea base", true, null, null);
      row.number("target", "Meta", true, null, null);
    });
    problems.requiredAmount(CycleVariables.BUDGET, "Presupuesto estimado (MXN)", BigDecimal.ZERO, new BigDecimal("1e12"));
    problems.optionalText(CycleVariables.RISKS, "Riesgos", LONG_TEXT_MAX);
  }

  private static Map<String, Decisions> decisionTasks() {
    Decisions approveOrReturn = new Decisions(List.of(APPROVE, RETURN), List.of(APPROVE));
    Map<String, Decisions> tasks = new HashMap<>();
    for (String task : List.of(
        PlanningProcess.TASK_APPROVE_PROGRAM_HEAD,
        PlanningProcess.TASK_CONFIRM_CO_RESPONSIBILITY,
        PlanningProcess.TASK_REVIEW_PROGRAM_SGCE,
        ExecutionProcess.TASK_VALIDATE_PROGRESS,
        ProgramChangeProcess.TASK_APPROVE_CHANGE_HEAD,
        ProgramChangeProcess.TASK_APPROVE_CHANGE_SGCE,
        ReviewProcess.TASK_APPROVE_RESULTS_HEAD,
        ClosureProcess.TASK_APPROVE_CLOSURE_HEAD,
        ClosureProcess.TASK_SIGN_CLOSURE,
        CorrectiveActionProcess.TASK_APPROVE_ACTION_PLAN,
        CorrectiveActionProcess.TASK_VERIFY_EFFECTIVENESS)) {
      tasks.put(task, approveOrReturn);
    }
    tasks.put(ExecutionProcess.TASK_ANALYSE_DEVIATION, new Decisions(
        List.of(ExecutionProcess.CONTINUE, ExecutionProcess.CHANGE, ExecutionProcess.CORRECTIVE),
        List.of(ExecutionProcess.CONTINUE)));
    tasks.put(ReviewProcess.TASK_RULE_RESULTS, new Decisions(
        List.of(APPROVE, ReviewProcess.OBSERVATIONS, ReviewProcess.NONCONFORMING, RETURN),
        List.of(APPROVE)));
    return Map.copyOf(tasks);
  }
}
