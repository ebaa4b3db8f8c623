package mx.org.iecm.pgd.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A Plan General de Desarrollo for one period, with its policies, programs, objectives and lines.
 */
public record Plan(
    String code,
    String name,
    int firstYear,
    int lastYear,
    List<Policy> policies,
    List<Program> programs,
    List<Objective> objectives,
    List<ActionLine> actionLines) {

  public Plan {
    policies = List.copyOf(policies);
    programs = List.copyOf(programs);
    objectives = List.copyOf(objectives);
    actionLines = List.copyOf(actionLines);
  }

  /** Whether the fiscal year falls within the plan's period. */
  public boolean covers(int year) {
    return year >= firstYear && year <= lastYear;
  }

  public Optional<ActionLine> actionLine(String id) {
    return actionLines.stream().filter(line -> line.id().equals(id)).findFirst();
  }

  public List<Program> programsOf(Policy policy) {
    return programs.stream().filter(program -> program.policyNumber().equals(policy.number())).toList();
  }

  public List<ActionLine> actionLinesOf(Program program) {
    return actionLines.stream().filter(line -> line.programNumber().equals(program.number())).toList();
  }

  /** Programs that hold at least one line serving the objective, in plan order. */
  public List<Program> programsServing(Objective objective) {
    return programs.stream()
        .filter(program -> actionLines.stream().anyMatch(line ->
            line.programNumber().equals(program.number()) && line.objectiveNumber().equals(objective.number())))
        .toList();
  }

  public Optional<Objective> objective(String number) {
    return objectives.stream().filter(objective -> objective.number().equals(number)).findFirst();
  }
}
