package mx.org.iecm.pgd.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.task.Problems;

/**
 * The server's rules for a work program, drafted in planning and in a change request: the same
 * limits as its form (pgd-tasklist/program-editor.html), plus dates inside the cycle's fiscal year.
 */
public final class WorkProgramRules {

  static final int TEXT_MAX = 2000;
  static final int LONG_TEXT_MAX = 4000;
  static final List<String> INDICATOR_FREQUENCIES = List.of("mensual", "trimestral", "semestral", "anual");
  static final BigDecimal BUDGET_MAX = new BigDecimal("1e12");

  private WorkProgramRules() {
  }

  public static void check(Problems problems) {
    int year = problems.year();
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
    problems.requiredAmount(CycleVariables.BUDGET, "Presupuesto estimado (MXN)", BigDecimal.ZERO, BUDGET_MAX);
    problems.optionalText(CycleVariables.RISKS, "Riesgos", LONG_TEXT_MAX);
  }
}
