package mx.org.iecm.pgd.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.catalog.CatalogDocuments.ActionLineEntry;
import mx.org.iecm.pgd.catalog.CatalogDocuments.AreaEntry;
import mx.org.iecm.pgd.catalog.CatalogDocuments.AreasDocument;
import mx.org.iecm.pgd.catalog.CatalogDocuments.ErratumEntry;
import mx.org.iecm.pgd.catalog.CatalogDocuments.NumberedEntry;
import mx.org.iecm.pgd.catalog.CatalogDocuments.PlanDocument;
import mx.org.iecm.pgd.catalog.CatalogDocuments.ProgramEntry;

/**
 * Checks catalog documents and turns them into the domain; every problem is collected, not only the first.
 */
final class CatalogValidator {

  static final Pattern AREA_CODE = Pattern.compile("[a-z][a-z0-9]{0,19}");
  static final Pattern PLAN_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,2}");
  private static final Pattern LINE_ID = Pattern.compile("([1-9][0-9]{0,2})\\.([1-9][0-9]{0,2})");
  private static final int MAX_TEXT = 2000;
  /** The area whose staff validate measurability and follow-up unless the plan says otherwise. */
  static final String PLANNING_OFFICE = "dprf";

  private final List<CatalogProblem> problems;

  CatalogValidator(List<CatalogProblem> problems) {
    this.problems = problems;
  }

  Map<String, Area> areas(AreasDocument document, String file) {
    Map<String, Area> areas = new LinkedHashMap<>();
    if (document.areas() == null || document.areas().isEmpty()) {
      problems.add(new CatalogProblem(file, "areas", "la lista de áreas está vacía"));
      return areas;
    }
    int position = 0;
    for (AreaEntry entry : document.areas()) {
      position++;
      String entryName = entry == null || isBlank(entry.code())
          ? "área n.º " + position
          : "área «" + entry.code() + "»";
      if (entry == null) {
        problems.add(new CatalogProblem(file, entryName, "la entrada está vacía"));
        continue;
      }
      boolean valid = true;
      if (isBlank(entry.code())) {
        valid = problem(file, entryName, "falta la clave (code)");
      } else if (!AREA_CODE.matcher(entry.code()).matches()) {
        valid = problem(file, entryName,
            "la clave solo admite minúsculas sin acentos y dígitos, empieza con letra y tiene hasta 20 caracteres");
      } else if (areas.containsKey(entry.code())) {
        valid = problem(file, entryName, "clave duplicada");
      }
      if (isBlank(entry.name())) {
        valid = problem(file, entryName, "falta el nombre (name)");
      } else {
        valid &= checkLength(file, entryName, "name", entry.name());
      }
      AreaKind kind = null;
      if (isBlank(entry.kind())) {
        valid = problem(file, entryName, "falta el tipo (kind)");
      } else {
        kind = AreaKind.fromCode(entry.kind());
        if (kind == null) {
          valid = problem(file, entryName, "tipo desconocido «" + entry.kind() + "»");
        }
      }
      List<String> roleGroups = entry.roleGroups() == null ? List.of() : entry.roleGroups();
      for (String group : roleGroups) {
        if (!Groups.ROLE_GROUPS.contains(group)) {
          valid = problem(file, entryName, "el grupo de rol «" + group + "» (roleGroups) no existe; use uno de "
              + String.join(", ", Groups.ROLE_GROUPS));
        } else if (areas.values().stream().anyMatch(other -> other.roleGroups().contains(group))) {
          valid = problem(file, entryName, "el grupo de rol «" + group + "» ya actúa por otra área");
        }
      }
      if (valid) {
        areas.put(entry.code(), new Area(entry.code(), entry.name().strip(), kind, blankToNull(entry.parent()),
            roleGroups));
      }
    }
    for (Area area : areas.values()) {
      if (area.parent() != null && !areas.containsKey(area.parent())) {
        problem(file, "área «" + area.code() + "»", "el área superior «" + area.parent() + "» no existe");
      }
    }
    return areas;
  }

  Plan plan(PlanDocument document, String file, Map<String, Area> areas) {
    String code = document.code();
    if (isBlank(code)) {
      problem(file, "plan", "falta la clave del plan (code)");
    } else if (!PLAN_CODE.matcher(code).matches()) {
      problem(file, "plan «" + code + "»", "la clave del plan solo admite letras, dígitos y guiones");
    }
    if (isBlank(document.name())) {
      problem(file, "plan", "falta el nombre del plan (name)");
    }
    int firstYear = 0;
    int lastYear = 0;
    if (document.period() == null || document.period().from() == null || document.period().to() == null) {
      problem(file, "period", "faltan los años del periodo (period.from y period.to)");
    } else {
      firstYear = document.period().from();
      lastYear = document.period().to();
      if (firstYear < 2000 || lastYear > 2100 || firstYear > lastYear) {
        problem(file, "period", "periodo no válido: " + firstYear + "–" + lastYear);
      }
    }
    ReportingFrequency defaultFrequency = ReportingFrequency.QUARTERLY;
    List<String> defaultReviewers = List.of(Groups.SGCE_OFFICE);
    List<String> defaultPlanningReviewers = List.of(Groups.staff(PLANNING_OFFICE));
    if (document.defaults() != null) {
      if (document.defaults().reportingFrequency() != null) {
        defaultFrequency = frequency(file, "defaults", document.defaults().reportingFrequency());
      }
      if (document.defaults().reviewers() != null) {
        defaultReviewers = reviewers(file, "defaults", "reviewers", document.defaults().reviewers(), areas);
      }
      if (document.defaults().planningReviewers() != null) {
        defaultPlanningReviewers = reviewers(file, "defaults", "planningReviewers",
            document.defaults().planningReviewers(), areas);
      }
    }
    if (document.defaults() == null || document.defaults().planningReviewers() == null) {
      defaultPlanningReviewers = reviewers(file, "defaults", "planningReviewers", defaultPlanningReviewers, areas);
    }

    Map<String, Policy> policies = new LinkedHashMap<>();
    for (NumberedEntry entry : list(document.policies(), file, "policies", "políticas generales")) {
      numbered(file, "política", entry, policies.keySet()).ifPresent(number ->
          policies.put(number, new Policy(number, entry.text())));
    }
    Map<String, Program> programs = new LinkedHashMap<>();
    for (ProgramEntry entry : list(document.programs(), file, "programs", "programas generales")) {
      NumberedEntry numbered = entry == null ? null : new NumberedEntry(entry.number(), entry.text());
      numbered(file, "programa", numbered, programs.keySet()).ifPresent(number -> {
        String entryName = "programa " + number;
        if (isBlank(entry.policy())) {
          problem(file, entryName, "falta la política a la que pertenece (policy)");
        } else if (!policies.containsKey(entry.policy())) {
          problem(file, entryName, "la política «" + entry.policy() + "» no existe en el plan");
        } else {
          programs.put(number, new Program(number, entry.policy(), entry.text()));
        }
      });
    }
    Map<String, Objective> objectives = new LinkedHashMap<>();
    for (NumberedEntry entry : list(document.objectives(), file, "objectives", "objetivos estratégicos")) {
      numbered(file, "objetivo", entry, objectives.keySet()).ifPresent(number ->
          objectives.put(number, new Objective(number, entry.text())));
    }
    Map<String, ActionLine> lines = new LinkedHashMap<>();
    Set<String> lineIds = new HashSet<>();
    int position = 0;
    for (ActionLineEntry entry : list(document.actionLines(), file, "actionLines", "líneas de acción")) {
      position++;
      ActionLine line = actionLine(file, position, entry, lineIds, programs, objectives, areas,
          defaultFrequency, defaultReviewers, defaultPlanningReviewers);
      if (line != null) {
        lines.put(line.id(), line);
      }
    }

    for (Policy policy : policies.values()) {
      if (programs.values().stream().noneMatch(program -> program.policyNumber().equals(policy.number()))) {
        problem(file, "política " + policy.number(), "no tiene programas generales");
      }
    }
    for (Program program : programs.values()) {
      if (lines.values().stream().noneMatch(line -> line.programNumber().equals(program.number()))) {
        problem(file, "programa " + program.number(), "no tiene líneas de acción");
      }
    }
    for (Objective objective : objectives.values()) {
      if (lines.values().stream().noneMatch(line -> line.objectiveNumber().equals(objective.number()))) {
        problem(file, "objetivo " + objective.number(), "ninguna línea de acción lo atiende");
      }
    }
    return new Plan(code, document.name() == null ? null : document.name().strip(), firstYear, lastYear,
        List.copyOf(policies.values()), List.copyOf(programs.values()), List.copyOf(objectives.values()),
        List.copyOf(lines.values()));
  }

  private ActionLine actionLine(String file, int position, ActionLineEntry entry, Set<String> seen,
      Map<String, Program> programs, Map<String, Objective> objectives, Map<String, Area> areas,
      ReportingFrequency defaultFrequency, List<String> defaultReviewers, List<String> defaultPlanningReviewers) {
    if (entry == null) {
      problem(file, "línea de acción n.º " + position, "la entrada está vacía");
      return null;
    }
    String id = entry.id();
    String entryName = isBlank(id) ? "línea de acción n.º " + position : "línea de acción " + id;
    boolean valid = true;
    if (isBlank(id)) {
      valid = problem(file, entryName, "falta el número de la línea (id)");
    } else {
      var matcher = LINE_ID.matcher(id);
      if (!matcher.matches()) {
        valid = problem(file, entryName, "el número debe tener la forma «programa.línea», por ejemplo «3.4»");
      } else if (!seen.add(id)) {
        valid = problem(file, entryName, "número de línea duplicado");
      } else if (entry.program() != null && !matcher.group(1).equals(entry.program())) {
        valid = problem(file, entryName, "el número no corresponde al programa «" + entry.program() + "»");
      }
    }
    if (isBlank(entry.program())) {
      valid = problem(file, entryName, "falta el programa (program)");
    } else if (!programs.containsKey(entry.program())) {
      valid = problem(file, entryName, "el programa «" + entry.program() + "» no existe en el plan");
    }
    if (isBlank(entry.objective())) {
      valid = problem(file, entryName, "falta el objetivo estratégico (objective)");
    } else if (!objectives.containsKey(entry.objective())) {
      valid = problem(file, entryName, "el objetivo «" + entry.objective() + "» no existe en el plan");
    }
    valid &= text(file, entryName, entry.text());
    if (entry.footnote() != null) {
      valid &= text(file, entryName + " (footnote)", entry.footnote());
    }
    List<Erratum> errata = new ArrayList<>();
    for (ErratumEntry erratum : entry.errata() == null ? List.<ErratumEntry>of() : entry.errata()) {
      if (erratum == null || isBlank(erratum.original()) || isBlank(erratum.correction())) {
        valid = problem(file, entryName, "cada fe de erratas necesita «original» y «correction»");
      } else if (entry.text() == null || !entry.text().contains(erratum.original())) {
        valid = problem(file, entryName, "la fe de erratas «" + erratum.original() + "» no aparece en el texto");
      } else {
        errata.add(new Erratum(erratum.original(), erratum.correction(), erratum.note()));
      }
    }
    Assignment assignment = Assignment.PROPOSED;
    if (entry.assignment() != null) {
      assignment = Assignment.fromCode(entry.assignment());
      if (assignment == null) {
        valid = problem(file, entryName,
            "asignación desconocida «" + entry.assignment() + "»; use «proposed» o «confirmed»");
      }
    }
    if (isBlank(entry.responsibleArea())) {
      valid = problem(file, entryName, "falta el área responsable (responsibleArea)");
    } else if (!areas.containsKey(entry.responsibleArea())) {
      valid = problem(file, entryName, "el área responsable «" + entry.responsibleArea() + "» no existe en el catálogo de áreas");
    }
    List<String> coResponsible = entry.coResponsibleAreas() == null ? List.of() : entry.coResponsibleAreas();
    Set<String> distinct = new HashSet<>();
    for (String area : coResponsible) {
      if (isBlank(area) || !areas.containsKey(area)) {
        valid = problem(file, entryName, "el área corresponsable «" + area + "» no existe en el catálogo de áreas");
      } else if (area.equals(entry.responsibleArea())) {
        valid = problem(file, entryName, "el área «" + area + "» no puede ser responsable y corresponsable a la vez");
      } else if (!distinct.add(area)) {
        valid = problem(file, entryName, "el área corresponsable «" + area + "» está repetida");
      }
    }
    ReportingFrequency frequency = entry.reportingFrequency() == null
        ? defaultFrequency
        : frequency(file, entryName, entry.reportingFrequency());
    List<String> reviewers = entry.reviewers() == null
        ? defaultReviewers
        : reviewers(file, entryName, "reviewers", entry.reviewers(), areas);
    List<String> planningReviewers = entry.planningReviewers() == null
        ? defaultPlanningReviewers
        : reviewers(file, entryName, "planningReviewers", entry.planningReviewers(), areas);
    if (!valid || frequency == null || reviewers == null || planningReviewers == null) {
      return null;
    }
    Area responsible = areas.get(entry.responsibleArea());
    valid &= notOwnArea(file, entryName, "reviewers", reviewers, entry.reviewers() == null, responsible);
    valid &= notOwnArea(file, entryName, "planningReviewers", planningReviewers, entry.planningReviewers() == null,
        responsible);
    if (!valid) {
      return null;
    }
    return new ActionLine(id, entry.program(), entry.objective(), entry.text(), entry.footnote(), errata,
        entry.responsibleArea(), coResponsible, frequency, reviewers, planningReviewers, assignment);
  }

  /** No area reviews its own line: none of the line's reviewer groups acts for its responsible area. */
  private boolean notOwnArea(String file, String entryName, String field, List<String> groups, boolean inherited,
      Area responsible) {
    boolean valid = true;
    for (String group : groups) {
      if (responsible.actsThrough(group)) {
        valid = problem(file, entryName, "la revisaría su propia área: el grupo «" + group + "» de " + field
            + (inherited ? " (tomado de defaults)" : "") + " actúa por «" + responsible.code()
            + "», el área responsable; asigne a la línea otro grupo en " + field);
      }
    }
    return valid;
  }

  private ReportingFrequency frequency(String file, String entryName, String code) {
    ReportingFrequency frequency = ReportingFrequency.fromCode(code);
    if (frequency == null) {
      problem(file, entryName, "frecuencia de reporte desconocida «" + code + "»; use una de: "
          + ReportingFrequency.allowedCodes());
    }
    return frequency;
  }

  private List<String> reviewers(String file, String entryName, String field, List<String> groups,
      Map<String, Area> areas) {
    if (groups.isEmpty()) {
      problem(file, entryName, "la lista de revisores (" + field + ") no puede estar vacía");
      return null;
    }
    Set<String> known = new HashSet<>(Groups.ROLE_GROUPS);
    for (String area : areas.keySet()) {
      known.add(Groups.staff(area));
      known.add(Groups.head(area));
    }
    boolean valid = true;
    for (String group : groups) {
      if (!known.contains(group)) {
        valid = problem(file, entryName, "el grupo revisor «" + group + "» de " + field
            + " no existe; use un grupo de rol (" + String.join(", ", Groups.ROLE_GROUPS)
            + "), «<área>-staff» o «<área>-head»");
      }
    }
    return valid ? List.copyOf(groups) : null;
  }

  private <T> List<T> list(List<T> entries, String file, String field, String label) {
    if (entries == null || entries.isEmpty()) {
      problem(file, field, "falta la lista de " + label);
      return List.of();
    }
    return entries;
  }

  private Optional<String> numbered(String file, String kind, NumberedEntry entry, Set<String> seen) {
    if (entry == null) {
      problem(file, kind, "hay una entrada vacía");
      return Optional.empty();
    }
    String entryName = isBlank(entry.number()) ? kind + " sin número" : kind + " " + entry.number();
    boolean valid = true;
    if (isBlank(entry.number())) {
      valid = problem(file, entryName, "falta el número (number)");
    } else if (!NUMBER.matcher(entry.number()).matches()) {
      valid = problem(file, entryName, "el número debe ser un entero positivo entre comillas, por ejemplo \"3\"");
    } else if (seen.contains(entry.number())) {
      valid = problem(file, entryName, "número duplicado");
    }
    valid &= text(file, entryName, entry.text());
    return valid ? Optional.of(entry.number()) : Optional.empty();
  }

  private boolean text(String file, String entryName, String text) {
    if (isBlank(text)) {
      return problem(file, entryName, "falta el texto (text)");
    }
    return checkLength(file, entryName, "text", text);
  }

  private boolean checkLength(String file, String entryName, String field, String value) {
    if (value.length() > MAX_TEXT) {
      return problem(file, entryName, "«" + field + "» excede " + MAX_TEXT + " caracteres");
    }
    return true;
  }

  private boolean problem(String file, String entry, String message) {
    problems.add(new CatalogProblem(file, entry, message));
    return false;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
