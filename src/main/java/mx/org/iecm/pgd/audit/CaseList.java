package mx.org.iecm.pgd.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.catalog.ActionLine;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Plan;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.cycle.LifecycleProcess;
import mx.org.iecm.pgd.web.ApiException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The list of ended cycles for auditors, filtered and paged, in three queries per page.
 */
@Service
public class CaseList {

  public static final int MAX_PAGE_SIZE = 500;
  /** The furthest row a page may start at. */
  static final int MAX_OFFSET = 1_000_000;
  /** Most business keys in one query (a plan period of 4 years has 156). */
  private static final int MAX_KEYS = 1000;

  private final HistoryService historyService;
  private final PlanCatalog catalog;
  private final NamedParameterJdbcTemplate jdbc;

  CaseList(HistoryService historyService, PlanCatalog catalog, DataSource dataSource) {
    this.historyService = historyService;
    this.catalog = catalog;
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /**
   * Filters; null or blank ones do not filter. {@code line} is an action line's id ({@code 1.1}),
   * {@code outcome} is {@code closed} or {@code cancelled}.
   */
  public record Filter(Integer year, String area, String line, String outcome, LocalDate from, LocalDate to) {

    public Filter {
      area = blankToNull(area);
      line = blankToNull(line);
      outcome = blankToNull(outcome);
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /**
   * One ended cycle. {@code validKey} is false for a cycle whose stored business key is not a cycle's
   * (only an administrator could have started one); it is listed, marked, with no plan, line or year.
   */
  public record Item(String businessKey, boolean validKey, String planCode, String actionLineId, Integer year,
      String responsibleArea, String responsibleAreaName, String outcome, Instant startedAt, Instant endedAt,
      boolean sealed) {
  }

  public record Page(long total, int page, int size, List<Item> items) {
  }

  public Page find(Filter filter, int page, int size) {
    if (page < 0) {
      throw ApiException.badRequest("«page»: debe ser 0 o mayor.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.badRequest("«size»: debe estar entre 1 y " + MAX_PAGE_SIZE + ".");
    }
    if ((long) page * size > MAX_OFFSET) {
      throw ApiException.badRequest("«page»: con " + size + " por página, la página más alta es "
          + MAX_OFFSET / size + ".");
    }
    validate(filter);
    long total = query(filter).count();
    List<HistoricProcessInstance> instances = query(filter).orderByProcessInstanceEndTime().desc()
        .orderByProcessInstanceId().asc().listPage(page * size, size);
    Set<String> sealed = sealed(instances);
    List<Item> items = instances.stream().map(instance -> item(instance, sealed)).toList();
    return new Page(total, page, size, items);
  }

  /**
   * Every cycle the filter matches, newest end first, a page at a time: for exports, which must not stop
   * at one page's size.
   */
  public void forEach(Filter filter, Consumer<Item> action) {
    validate(filter);
    for (int first = 0; ; first += MAX_PAGE_SIZE) {
      List<HistoricProcessInstance> instances = query(filter).orderByProcessInstanceEndTime().desc()
          .orderByProcessInstanceId().asc().listPage(first, MAX_PAGE_SIZE);
      Set<String> sealed = sealed(instances);
      instances.forEach(instance -> action.accept(item(instance, sealed)));
      if (instances.size() < MAX_PAGE_SIZE) {
        return;
      }
    }
  }

  private static void validate(Filter filter) {
    if (filter.outcome() != null && !List.of("closed", "cancelled").contains(filter.outcome())) {
      throw ApiException.badRequest("«outcome»: use «closed» o «cancelled».");
    }
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw ApiException.badRequest("«to»: es anterior a «from».");
    }
  }

  private Set<String> sealed(List<HistoricProcessInstance> instances) {
    Set<String> sealed = new HashSet<>();
    if (!instances.isEmpty()) {
      sealed.addAll(jdbc.queryForList("SELECT business_key FROM pgd_case_seal WHERE business_key IN (:keys)",
          new MapSqlParameterSource("keys", instances.stream().map(HistoricProcessInstance::getBusinessKey)
              .filter(Objects::nonNull).distinct().toList()), String.class));
    }
    return sealed;
  }

  /**
   * The business keys the filter can match, taken from the catalog (the line, or the lines of the area,
   * in the year or in every year of the plans), so that the engine finds the cycles through its index on
   * the business key instead of reading the whole history; {@code null} when there is no year or
   * area to narrow by, or the list would be too long for one query (then the slower filters apply).
   */
  private String[] candidateKeys(Integer year, String area, String line) {
    if (year == null && area == null && line == null) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    for (Plan plan : catalog.plans()) {
      if (year != null && !plan.covers(year)) {
        continue;
      }
      List<ActionLine> lines = plan.actionLines().stream()
          .filter(candidate -> area == null || area.equals(candidate.responsibleArea()))
          .filter(candidate -> line == null || line.equals(candidate.id())).toList();
      int from = year != null ? year : plan.firstYear();
      int to = year != null ? year : plan.lastYear();
      for (int y = from; y <= to; y++) {
        keys.addAll(List.of(BusinessKey.ofLines(plan, lines, y)));
      }
      if (keys.size() > MAX_KEYS) {
        return null;
      }
    }
    // No line can match (an unknown area): a key no cycle has, so that the answer is empty.
    return keys.isEmpty() ? new String[] {"-"} : keys.toArray(String[]::new);
  }

  private Item item(HistoricProcessInstance instance, Set<String> sealed) {
    Optional<BusinessKey> key = BusinessKey.tryParse(instance.getBusinessKey());
    String area = key.flatMap(k -> catalog.actionLine(k.planCode(), k.actionLineId()))
        .map(line -> line.responsibleArea()).orElse("");
    String outcome = LifecycleProcess.EVENT_CYCLE_CLOSED.equals(instance.getEndActivityId()) ? "closed" : "cancelled";
    return new Item(instance.getBusinessKey(), key.isPresent(), key.map(BusinessKey::planCode).orElse(null),
        key.map(BusinessKey::actionLineId).orElse(null), key.map(BusinessKey::year).orElse(null), area,
        catalog.area(area).map(Area::name).orElse(area), outcome, instant(instance.getStartTime()),
        instant(instance.getEndTime()), instance.getBusinessKey() != null && sealed.contains(instance.getBusinessKey()));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private HistoricProcessInstanceQuery query(Filter filter) {
    HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY).finished();
    String[] keys = candidateKeys(filter.year(), filter.area(), filter.line());
    if (keys != null) {
      query.processInstanceBusinessKeyIn(keys);
    } else {
      if (filter.year() != null) {
        query.processInstanceBusinessKeyLike("%:" + filter.year());
      }
      if (filter.area() != null) {
        query.variableValueEquals(CycleVariables.RESPONSIBLE_AREA, filter.area());
      }
      if (filter.line() != null) {
        query.variableValueEquals(CycleVariables.ACTION_LINE_ID, filter.line());
      }
    }
    if (filter.outcome() != null) {
      query.variableValueEquals(CycleVariables.PHASE, filter.outcome());
    }
    if (filter.from() != null) {
      query.finishedAfter(Date.from(filter.from().atStartOfDay(PgdApplication.ZONE).toInstant()));
    }
    if (filter.to() != null) {
      query.finishedBefore(Date.from(filter.to().plusDays(1).atStartOfDay(PgdApplication.ZONE).toInstant()));
    }
    return query;
  }
}
