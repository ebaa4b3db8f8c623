package mx.org.iecm.pgd.execution;

import java.util.List;
import java.util.Set;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.planning.WorkProgram;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Which co-responsible areas a proposed change touches: those whose activities (the ones naming them as
 * the area that carries them out) it adds, removes or alters, compared with the version in force. Each
 * confirms the change in a task of its own; a change touching none goes on to the SGCE.
 */
@Component("changedActivities")
public class ChangedActivities {

  private final ProgramVersions versions;
  private final PlanCatalog catalog;

  public ChangedActivities(ProgramVersions versions, PlanCatalog catalog) {
    this.versions = versions;
    this.catalog = catalog;
  }

  /** The co-responsible areas of the line whose activities the proposal changes, in the catalog's order. */
  public List<String> coResponsibleAreas(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    BusinessKey key = BusinessKey.parse(businessKey);
    List<String> coResponsible = catalog.actionLine(key.planCode(), key.actionLineId())
        .map(ActionLine::coResponsibleAreas).orElse(List.of());
    Set<String> touched = WorkProgram.areasTouched(versions.inForce(businessKey), WorkProgram.of(execution));
    return coResponsible.stream().filter(touched::contains).toList();
  }
}
