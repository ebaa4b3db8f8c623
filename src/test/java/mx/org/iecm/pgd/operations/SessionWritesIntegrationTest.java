package mx.org.iecm.pgd.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.TestAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A logged-in person's requests read the session from the database but write its row only when there is
 * something worth writing: a new id, another person or timeout, or a last access a thirtieth of the
 * timeout (at most a minute) after the stored one; and an attribute set again to the same value is not
 * written again. A row's system column {@code xmin} changes with every write, even one that stores the
 * same values, so an unchanged {@code xmin} means nothing was written.
 */
@PgdIntegrationTest
class SessionWritesIntegrationTest {

  static final String USER = "sesion-escrituras";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;

  record Row(String primaryId, String sessionId, long lastAccess, long expiry, int maxInactive, String xmin) {
  }

  private Row row() {
    return jdbc.queryForObject("select primary_id, session_id, last_access_time, expiry_time, max_inactive_interval,"
            + " xmin::text as version from spring_session where principal_name = ?",
        (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
            rs.getString(6)), USER);
  }

  private void storedAccess(Row row, long lastAccess, int maxInactiveSeconds) {
    jdbc.update("update spring_session set last_access_time = ?, max_inactive_interval = ?, expiry_time = ?"
        + " where primary_id = ?", lastAccess, maxInactiveSeconds, lastAccess + maxInactiveSeconds * 1000L,
        row.primaryId());
  }

  /**
   * Every attribute of the session with the version of its row, but for when the account was last
   * re-checked: that one changes for real every 2 s in the tests ({@code pgd.security.account-recheck}).
   */
  private Map<String, String> attributes(Row row) {
    Map<String, String> versions = new TreeMap<>();
    jdbc.query("select attribute_name, xmin::text from spring_session_attributes where session_primary_id = ?",
        rs -> {
          if (!rs.getString(1).endsWith(".checkedAt")) {
            versions.put(rs.getString(1), rs.getString(2));
          }
        }, row.primaryId());
    return versions;
  }

  private static void call(BrowserSession session) throws Exception {
    assertThat(session.get("/api/plan", "application/json").statusCode()).isEqualTo(200);
  }

  /** A call to the webapps' engine API, which sets the webapps' login into the session again each time. */
  private static void callWebapp(BrowserSession session) throws Exception {
    assertThat(session.get("/camunda/api/engine/engine/default/task/count", "application/json").statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void removeTheAccount() {
    if (identityService.createUserQuery().userId(USER).count() > 0) {
      identityService.deleteUser(USER);
    }
  }

  @Test
  void aSessionRowIsWrittenOnlyWhenItsLastAccessIsWorthStoring() throws Exception {
    TestAccounts.create(identityService, USER, "Sesión", "Escrituras", "demo", "deoeyg-staff");
    BrowserSession session = new BrowserSession(port);
    assertThat(session.login(USER, "demo").headers().firstValue("Location")).isPresent();
    Row loggedIn = row();
    assertThat(loggedIn.maxInactive()).as("the configured timeout, 30 minutes").isEqualTo(1800);

    // Requests right after the login: the session is read, its row not written; nor are the attributes
    // once the webapps have stored their login (their first two calls change it, and it is written).
    callWebapp(session);
    callWebapp(session);
    Map<String, String> attributes = attributes(loggedIn);
    assertThat(attributes).containsKey("authenticatedUser");
    for (int i = 0; i < 3; i++) {
      call(session);
      callWebapp(session);
    }
    assertThat(row()).isEqualTo(loggedIn);
    assertThat(attributes(loggedIn)).isEqualTo(attributes);

    // An access a minute after the stored one (a thirtieth of 30 minutes) is stored, with its expiry.
    storedAccess(loggedIn, System.currentTimeMillis() - 61_000, 1800);
    long sent = System.currentTimeMillis();
    call(session);
    Row moved = row();
    assertThat(moved.lastAccess()).isGreaterThanOrEqualTo(sent);
    assertThat(moved.expiry()).isEqualTo(moved.lastAccess() + 1_800_000);
    assertThat(moved.sessionId()).isEqualTo(loggedIn.sessionId());

    // A shorter timeout shortens the interval: 5 minutes, 10 seconds.
    storedAccess(loggedIn, System.currentTimeMillis() - 2_000, 300);
    Row recent = row();
    call(session);
    assertThat(row()).as("2 s after the stored access").isEqualTo(recent);
    storedAccess(loggedIn, System.currentTimeMillis() - 11_000, 300);
    sent = System.currentTimeMillis();
    call(session);
    Row later = row();
    assertThat(later.lastAccess()).as("11 s after the stored access").isGreaterThanOrEqualTo(sent);
    assertThat(later.expiry()).isEqualTo(later.lastAccess() + 300_000);
    assertThat(later.maxInactive()).isEqualTo(300);
  }
}
