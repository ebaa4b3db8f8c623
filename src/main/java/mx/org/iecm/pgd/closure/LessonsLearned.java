package mx.org.iecm.pgd.closure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import javax.sql.DataSource;
import mx.org.iecm.pgd.cycle.BusinessKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lessons learned of closed cycles (table {@code pgd_lesson_learned}), searchable by line, year, area and text.
 */
@Repository
public class LessonsLearned {

  private final JdbcClient jdbc;

  /** The categories of a lesson, by code, as people read them. */
  public static final Map<String, String> CATEGORIES = categories();

  private static Map<String, String> categories() {
    Map<String, String> categories = new LinkedHashMap<>();
    categories.put("planeacion", "Planeación");
    categories.put("ejecucion", "Ejecución");
    categories.put("coordinacion", "Coordinación entre áreas");
    categories.put("recursos", "Recursos");
    categories.put("tecnologia", "Tecnología");
    categories.put("otra", "Otra");
    return java.util.Collections.unmodifiableMap(categories);
  }

  /** A category's name («Coordinación entre áreas»); the code itself when it is none of them. */
  public static String categoryLabel(String code) {
    return CATEGORIES.getOrDefault(code, code);
  }

  public LessonsLearned(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** One lesson as stored. */
  public record Lesson(String businessKey, String planCode, String actionLineId, int year, String areaCode,
      String category, String lesson, String recordedBy, Instant recordedAt) {
  }

  /** A search; null fields do not filter. */
  public record Query(String planCode, String actionLineId, Integer year, String areaCode, String text) {
  }

  public void store(BusinessKey key, String areaCode, String category, String lesson, String recordedBy,
      Instant recordedAt, String processInstanceId) {
    jdbc.sql("""
            INSERT INTO pgd_lesson_learned (business_key, plan_code, action_line_id, fiscal_year, area_code, category,
                lesson, recorded_by, recorded_at, process_instance_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(key.toString(), key.planCode(), key.actionLineId(), key.year(), areaCode, category, lesson,
            recordedBy, Timestamp.from(recordedAt), processInstanceId)
        .update();
  }

  /** The lessons of one cycle, in the order they were recorded. */
  public List<Lesson> ofCase(String businessKey) {
    return jdbc.sql("""
            SELECT business_key, plan_code, action_line_id, fiscal_year, area_code, category, lesson, recorded_by,
                recorded_at
            FROM pgd_lesson_learned WHERE business_key = ? ORDER BY id""")
        .param(businessKey)
        .query((rs, row) -> new Lesson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
        .list();
  }

  public List<Lesson> find(Query query, int limit) {
    StringBuilder sql = new StringBuilder("""
        SELECT business_key, plan_code, action_line_id, fiscal_year, area_code, category, lesson, recorded_by,
            recorded_at
        FROM pgd_lesson_learned WHERE 1 = 1""");
    List<Object> params = new ArrayList<>();
    condition(sql, params, " AND plan_code = ?", query.planCode());
    condition(sql, params, " AND action_line_id = ?", query.actionLineId());
    condition(sql, params, " AND fiscal_year = ?", query.year());
    condition(sql, params, " AND area_code = ?", query.areaCode());
    if (query.text() != null && !query.text().isBlank()) {
      sql.append(" AND LOWER(lesson) LIKE ?");
      params.add("%" + query.text().toLowerCase() + "%");
    }
    sql.append(" ORDER BY fiscal_year DESC, plan_code, action_line_id, id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, row) -> new Lesson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
        .list();
  }

  private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      params.add(value);
    }
  }
}
