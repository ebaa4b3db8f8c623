package mx.org.iecm.pgd.catalog;

import java.time.Year;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the application knows about the institute's plans and areas, validated at start.
 */
public final class PlanCatalog {

  private final Map<String, Area> areas;
  private final Map<String, Plan> plans;
  private final List<Area> areaList;

  PlanCatalog(Map<String, Area> areas, List<Plan> plans) {
    this.areas = Map.copyOf(areas);
    Map<String, Plan> byCode = new LinkedHashMap<>();
    plans.stream().sorted(Comparator.comparingInt(Plan::firstYear)).forEach(plan -> byCode.put(plan.code(), plan));
    this.plans = byCode;
    this.areaList = List.copyOf(areas.values());
  }

  /** Areas in the order of the areas file. */
  public List<Area> areas() {
    return areaList;
  }

  public Optional<Area> area(String code) {
    return Optional.ofNullable(areas.get(code));
  }

  /** Plans ordered by the first year of their period. */
  public Collection<Plan> plans() {
    return plans.values();
  }

  /** The action line {@code lineId} of the plan {@code planCode}, when both exist. */
  public Optional<ActionLine> actionLine(String planCode, String lineId) {
    return plan(planCode).flatMap(plan -> plan.actionLine(lineId));
  }

  public Optional<Plan> plan(String code) {
    return Optional.ofNullable(plans.get(code));
  }

  /** The plan whose period covers the fiscal year, if any. */
  public Optional<Plan> planCovering(int year) {
    return plans.values().stream().filter(plan -> plan.covers(year)).findFirst();
  }

  /**
   * The plan in force in a year: the one whose period covers it; otherwise the latest one that had
   * started by then (a plan stays the reference until the next one is loaded); otherwise the first one.
   */
  public Plan planInForce(Year year) {
    int value = year.getValue();
    Plan inForce = null;
    for (Plan plan : plans.values()) {
      if (plan.covers(value)) {
        return plan;
      }
      if (plan.firstYear() <= value) {
        inForce = plan;
      }
    }
    return inForce != null ? inForce : plans.values().iterator().next();
  }

  /**
   * The fiscal year to follow when none is asked for: this year when a plan covers it; otherwise the
   * nearest year of the plan in force (its last year once it has ended, its first before it starts).
   */
  public int yearToFollow(Year year) {
    Plan plan = planInForce(year);
    int value = year.getValue();
    if (plan.covers(value)) {
      return value;
    }
    return value > plan.lastYear() ? plan.lastYear() : plan.firstYear();
  }
}
