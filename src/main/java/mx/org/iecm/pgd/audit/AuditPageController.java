package mx.org.iecm.pgd.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.web.ApiException;
import mx.org.iecm.pgd.web.RequestValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditors' pages, rendered on the server and readable without JavaScript: «Expedientes» (the ended
 * cycles, filtered, with their downloads) and the printable expediente of one cycle.
 */
@Controller
class AuditPageController {

  /** Rows on one page of the list. */
  static final int PAGE_SIZE = 50;

  private final CaseRecordService records;
  private final CaseSeals seals;
  private final CaseList list;
  private final PlanCatalog catalog;

  AuditPageController(CaseRecordService records, CaseSeals seals, CaseList list, PlanCatalog catalog) {
    this.records = records;
    this.seals = seals;
    this.list = list;
    this.catalog = catalog;
  }

  @GetMapping("/audit/cases/{businessKey}")
  String page(@PathVariable String businessKey, Model model) {
    model.addAttribute("record", records.record(businessKey));
    model.addAttribute("verification", seals.verify(businessKey));
    model.addAttribute("fmt", new PageFormat());
    return "audit/case";
  }

  /**
   * «Expedientes»: the filter form sends the API's own parameters, so that the CSV link repeats them. A
   * filter the server refuses is said on the page, beside the form that holds it, with no rows.
   */
  @GetMapping("/audit/cases")
  String list(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : List.of("year", "area", "line", "outcome", "from", "to")) {
      String value = parameters.get(name);
      if (value != null && !value.isBlank()) {
        given.put(name, value.strip());
      }
    }
    model.addAttribute("filter", given);
    model.addAttribute("years", years());
    model.addAttribute("areas", responsibleAreas());
    model.addAttribute("lines", lines());
    model.addAttribute("fmt", new PageFormat());
    try {
      LocalDate from = dayFirst("from", "Terminado desde", given.get("from"));
      LocalDate to = dayFirst("to", "hasta", given.get("to"));
      CaseList.Filter filter = new CaseList.Filter(RequestValues.year("year", given.get("year")), given.get("area"),
          RequestValues.line("line", given.get("line")), given.get("outcome"), from, to);
      int page = page(parameters.get("page"));
      CaseList.Page found = list.find(filter, page, PAGE_SIZE);
      // The page's links carry the dates as the API reads them; the form shows them day first.
      Map<String, String> query = new LinkedHashMap<>(given);
      putDate(query, "from", from);
      putDate(query, "to", to);
      model.addAttribute("dates", Map.of("from", shown(from), "to", shown(to)));
      model.addAttribute("result", found);
      model.addAttribute("csv", link("/api/audit/cases.csv", query, null));
      model.addAttribute("previous", page > 0 ? link("/audit/cases", query, page - 1) : null);
      model.addAttribute("next", (long) (page + 1) * PAGE_SIZE < found.total() ? link("/audit/cases", query, page + 1)
          : null);
    } catch (ApiException e) {
      response.setStatus(e.status().value());
      model.addAttribute("refusal", e.getMessage());
    }
    return "audit/cases";
  }

  /** Day first, as the institute writes dates: 31/03/2021 (also 31-03-2021, 1/3/2021 or 2021-03-31). */
  private static final Pattern DAY_FIRST = Pattern.compile("([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static LocalDate dayFirst(String field, String label, String raw) {
    if (raw == null) {
      return null;
    }
    Matcher dayFirst = DAY_FIRST.matcher(raw);
    try {
      if (dayFirst.matches()) {
        return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
            Integer.parseInt(dayFirst.group(1)));
      }
      return RequestValues.date(field, raw);
    } catch (DateTimeException | ApiException e) {
      throw ApiException.badRequest("«" + label + "»: «" + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw)
          + "» no es una fecha; escríbala con el día primero, dd/mm/aaaa (p. ej. 31/03/2021).");
    }
  }

  private static void putDate(Map<String, String> query, String name, LocalDate date) {
    if (date == null) {
      query.remove(name);
    } else {
      query.put(name, date.toString());
    }
  }

  private static String shown(LocalDate date) {
    return date == null ? "" : SHOWN.format(date);
  }

  private static int page(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    if (!raw.strip().matches("[0-9]{1,6}")) {
      throw ApiException.badRequest("«page»: debe ser un número de página (0 o mayor).");
    }
    return Integer.parseInt(raw.strip());
  }

  private static String link(String path, Map<String, String> filter, Integer page) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    filter.forEach(uri::queryParam);
    if (page != null && page > 0) {
      uri.queryParam("page", page);
    }
    return uri.encode().build().toUriString();
  }

  private List<Integer> years() {
    Set<Integer> years = new TreeSet<>();
    for (Plan plan : catalog.plans()) {
      for (int year = plan.firstYear(); year <= plan.lastYear(); year++) {
        years.add(year);
      }
    }
    return List.copyOf(years);
  }

  /** The areas responsible for some line, by name. */
  private List<Area> responsibleAreas() {
    Set<String> codes = catalog.plans().stream().flatMap(plan -> plan.actionLines().stream())
        .map(ActionLine::responsibleArea).collect(Collectors.toSet());
    return catalog.areas().stream().filter(area -> codes.contains(area.code()))
        .sorted(Comparator.comparing(Area::name, Collator.getInstance(Locale.forLanguageTag("es-MX")))).toList();
  }

  /** Every line of every plan, once per id, in the plans' order. */
  private List<ActionLine> lines() {
    Map<String, ActionLine> lines = new LinkedHashMap<>();
    catalog.plans().forEach(plan -> plan.actionLines().forEach(line -> lines.putIfAbsent(line.id(), line)));
    return new ArrayList<>(lines.values());
  }

  /** Formatting helpers for the templates. */
  static final class PageFormat {

    public String when(java.time.Instant instant) {
      return CaseExports.when(instant);
    }

    public String outcome(String outcome) {
      return CaseExports.outcomeLabel(outcome);
    }

    /** A line's text cut to fit a select's option. */
    public String brief(String text) {
      return text.length() <= 90 ? text : text.substring(0, 89).stripTrailing() + "…";
    }
  }
}
