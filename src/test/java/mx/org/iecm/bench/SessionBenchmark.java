package mx.org.iecm.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.org.iecm.pgd.support.BrowserSession;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * What a request of a logged-in person writes to the database through its session (BENCHMARKS.md §15):
 * sequential calls with one session to the webapps' engine API and to ours, with the application's
 * session writes against Spring Session's plain ones (every request rewrites the session's row and every
 * attribute set again), alternating which goes first. Counts the rows the session tables wrote and the
 * WAL the whole server wrote per request, beside the time.
 */
final class SessionBenchmark {

  private static final String USER = "bench.session";
  private static final String PASSWORD = "Sesion-de-pruebas-2026";
  private static final int CALLS = 400;
  private static final List<String[]> PATHS = List.of(
      new String[] {"/camunda/api/engine/engine/default/task/count", "API de las webapps (número de tareas)"},
      new String[] {"/api/plan", "nuestra API (el plan)"});

  private final PgdBenchmark.Results results;
  private final PgdBenchmark bench;
  private final PgdBenchmark.Database database;
  private final String catalog;

  SessionBenchmark(PgdBenchmark.Results results, PgdBenchmark bench, PgdBenchmark.Database database, String catalog) {
    this.results = results;
    this.bench = bench;
    this.database = database;
    this.catalog = catalog;
  }

  /** Spring Session's own statements: the session's row and an attribute are written whenever they are set. */
  @Configuration(proxyBeanMethods = false)
  static class PlainSessionWrites {

    @Bean
    static BeanPostProcessor plainSessionUpdates() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof JdbcIndexedSessionRepository repository) {
            repository.setUpdateSessionQuery("UPDATE %TABLE_NAME% SET SESSION_ID = ?, LAST_ACCESS_TIME = ?,"
                + " MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ? WHERE PRIMARY_ID = ?");
            repository.setUpdateSessionAttributeQuery("UPDATE %TABLE_NAME%_ATTRIBUTES SET ATTRIBUTE_BYTES = ?"
                + " WHERE SESSION_PRIMARY_ID = ? AND ATTRIBUTE_NAME = ?");
          }
          return bean;
        }
      };
    }
  }

  /** What one configuration measured for one path. */
  private static final class Measured {
    final PgdBenchmark.Latencies latencies = new PgdBenchmark.Latencies();
    long rowWrites;
    long walBytes;
  }

  void run() throws Exception {
    String url = database.create("pgd_bench_session");
    Map<String, Measured> ours = new LinkedHashMap<>();
    Map<String, Measured> plain = new LinkedHashMap<>();
    for (int round = 0; round < 3; round++) {
      // Round 0 warms up; then each configuration goes first once.
      List<Boolean> order = round == 1 ? List.of(false, true) : List.of(true, false);
      for (boolean application : order) {
        try (ConfigurableApplicationContext app = application ? bench.start(url, catalog)
            : bench.start(url, catalog, PlainSessionWrites.class)) {
          measure(app, url, round == 0 ? new LinkedHashMap<>() : application ? ours : plain);
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (String[] path : PATHS) {
      rows.add(row(path[1], "las de la aplicación", ours.get(path[0])));
      rows.add(row(path[1], "las de Spring Session (antes)", plain.get(path[0])));
    }
    results.add("15. Solicitudes con sesión: lo que escriben en la base (" + CALLS
        + " seguidas por ronda, una sesión)",
        List.of("llamada", "escrituras de la sesión", "solicitudes", "solicitudes/s", "p50 ms", "p95 ms",
            "media ms", "filas de sesión escritas por solicitud", "bytes de WAL por solicitud"),
        rows, Map.of());
  }

  private static List<String> row(String call, String writes, Measured measured) {
    List<String> row = new ArrayList<>();
    row.add(call);
    row.addAll(measured.latencies.row(writes));
    row.add(PgdBenchmark.Latencies.format(measured.latencies.mean()));
    row.add(String.format(Locale.ROOT, "%.2f", measured.rowWrites / (double) measured.latencies.count()));
    row.add(String.format(Locale.ROOT, "%.0f", measured.walBytes / (double) measured.latencies.count()));
    return row;
  }

  private void measure(ConfigurableApplicationContext app, String url, Map<String, Measured> into) throws Exception {
    PgdBenchmark.ensureUser(app.getBean(IdentityService.class), USER, PASSWORD, "deoeyg-staff");
    BrowserSession session = new BrowserSession(((WebServerApplicationContext) app).getWebServer().getPort());
    session.login(USER, PASSWORD);
    try (Connection connection = DriverManager.getConnection(url, database.user(), database.password())) {
      for (String[] path : PATHS) {
        Measured measured = into.computeIfAbsent(path[0], k -> new Measured());
        // The first calls of a session store the webapps' login: not what is measured here.
        call(session, path[0]);
        call(session, path[0]);
        // The statistics are sent by each server process at most once a second.
        Thread.sleep(1500);
        long writes = rowWrites(connection);
        String wal = walPosition(connection);
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
          long call = System.nanoTime();
          call(session, path[0]);
          measured.latencies.add(System.nanoTime() - call);
        }
        measured.latencies.wall(System.nanoTime() - start);
        walBytes(connection, wal, measured);
        Thread.sleep(1500);
        measured.rowWrites += rowWrites(connection) - writes;
      }
    }
  }

  private static void call(BrowserSession session, String path) throws Exception {
    HttpResponse<String> response = session.get(path, "application/json");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
  }

  /** Rows inserted, updated or deleted so far in the two session tables. */
  private static long rowWrites(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables"
            + " where relname in ('spring_session', 'spring_session_attributes')")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String walPosition(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select pg_current_wal_insert_lsn()::text")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void walBytes(Connection connection, String from, Measured measured) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '" + from + "')::bigint")) {
      rows.next();
      measured.walBytes += rows.getLong(1);
    }
  }
}
