package mx.org.iecm.pgd.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.catalog.CatalogDocuments.AreasDocument;
import mx.org.iecm.pgd.catalog.CatalogDocuments.PlanDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * Loads the areas file and every plan file, validates them together and builds the catalog.
 * Any problem in any file stops the load with all problems listed.
 */
public final class CatalogLoader {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

  private final CatalogReader reader = new CatalogReader();

  public PlanCatalog load(Resource areasFile, List<Resource> planFiles) {
    List<CatalogProblem> problems = new ArrayList<>();
    CatalogValidator validator = new CatalogValidator(problems);

    String areasName = describe(areasFile);
    Map<String, Area> areas = reader.read(areasFile, areasName, AreasDocument.class, problems)
        .map(document -> validator.areas(document, areasName))
        .orElseGet(HashMap::new);

    if (planFiles.isEmpty()) {
      problems.add(new CatalogProblem("(planes)", "archivos", "no se encontró ningún archivo de plan"));
    }
    List<Plan> plans = new ArrayList<>();
    Map<String, String> fileOfPlan = new HashMap<>();
    for (Resource planFile : planFiles) {
      String planName = describe(planFile);
      reader.read(planFile, planName, PlanDocument.class, problems)
          .map(document -> validator.plan(document, planName, areas))
          .ifPresent(plan -> {
            String previous = plan.code() == null ? null : fileOfPlan.putIfAbsent(plan.code(), planName);
            if (previous != null) {
              problems.add(new CatalogProblem(planName, "plan «" + plan.code() + "»",
                  "la clave ya la usa el plan de " + previous));
            }
            plans.add(plan);
          });
    }
    overlaps(plans, fileOfPlan, problems);
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(problems);
    }
    plans.forEach(plan -> LOG.info("Loaded plan {} ({}–{}): {} policies, {} programs, {} objectives, {} action lines",
        plan.code(), plan.firstYear(), plan.lastYear(), plan.policies().size(), plan.programs().size(),
        plan.objectives().size(), plan.actionLines().size()));
    return new PlanCatalog(areas, plans);
  }

  /**
   * A fiscal year belongs to one plan: two plans whose periods share a year are refused, naming both
   * files (the next plan, PGD 2023–2026, starts in the last year of this one and must be cut to fit).
   */
  private static void overlaps(List<Plan> plans, Map<String, String> fileOfPlan, List<CatalogProblem> problems) {
    List<Plan> dated = plans.stream().filter(plan -> plan.code() != null && plan.firstYear() > 0 && plan.lastYear() > 0)
        .sorted(Comparator.comparingInt(Plan::firstYear)).toList();
    for (int i = 0; i < dated.size(); i++) {
      for (int j = i + 1; j < dated.size(); j++) {
        Plan earlier = dated.get(i);
        Plan later = dated.get(j);
        if (later.firstYear() <= earlier.lastYear()) {
          problems.add(new CatalogProblem(fileOfPlan.get(later.code()), "plan «" + later.code() + "»",
              "su periodo " + later.firstYear() + "–" + later.lastYear() + " comparte años con el del plan «"
                  + earlier.code() + "» (" + earlier.firstYear() + "–" + earlier.lastYear() + ") de "
                  + fileOfPlan.get(earlier.code()) + ": cada año pertenece a un solo plan"));
        }
      }
    }
  }

  /** A short name for messages: the path inside the class path or jar, else the file path. */
  static String describe(Resource resource) {
    try {
      String uri = resource.getURI().toString();
      int inJar = uri.lastIndexOf("!/");
      if (inJar >= 0) {
        return uri.substring(inJar + 2);
      }
      int classes = uri.indexOf("/classes/");
      if (classes >= 0 && uri.startsWith("file:")) {
        return uri.substring(classes + "/classes/".length());
      }
      return uri.startsWith("file:") ? resource.getFile().getPath() : uri;
    } catch (IOException e) {
      return resource.getDescription();
    }
  }
}
