package mx.org.iecm.pgd.catalog;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import mx.org.iecm.pgd.catalog.PlanViews.ActionLineNode;
import mx.org.iecm.pgd.catalog.PlanViews.PlanSummary;
import mx.org.iecm.pgd.catalog.PlanViews.PlanTree;
import mx.org.iecm.pgd.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the plan catalog.
 */
@RestController
@RequestMapping("/api")
class PlanController {

  private final PlanCatalog catalog;
  private final Clock clock;

  PlanController(PlanCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  @GetMapping("/plans")
  List<PlanSummary> plans() {
    return catalog.plans().stream().map(PlanSummary::of).toList();
  }

  /** The plan tree; without {@code code}, the plan in force this year. */
  @GetMapping("/plan")
  PlanTree plan(@RequestParam(required = false) String code) {
    return PlanTree.of(resolve(code), catalog);
  }

  @GetMapping("/plan/action-lines/{id}")
  ActionLineNode actionLine(@PathVariable String id, @RequestParam(required = false) String code) {
    Plan plan = resolve(code);
    ActionLine line = plan.actionLine(id).orElseThrow(() -> new NotFoundException(
        "La línea de acción «" + id + "» no existe en el plan " + plan.code() + "."));
    return ActionLineNode.of(plan, line, catalog);
  }

  private Plan resolve(String code) {
    if (code == null || code.isBlank()) {
      return catalog.planInForce(Year.now(clock));
    }
    return catalog.plan(code).orElseThrow(() -> new NotFoundException("El plan «" + code + "» no existe."));
  }
}
