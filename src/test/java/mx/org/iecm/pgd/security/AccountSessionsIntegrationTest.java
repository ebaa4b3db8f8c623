package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.EngineApi;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.TestAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session follows its account: when an administrator removes a group, changes the password or
 * deletes the account (in Admin or through the engine API), every open session of that person ends at
 * once, and the webapps' API and ours answer as for a person who is not logged in; a change made any
 * other way reaches the session within the re-check bound.
 */
@PgdIntegrationTest
class AccountSessionsIntegrationTest {

  static final String USER = "cuenta-prueba";
  static final String GROUP = "deoeyg-staff";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Value("${pgd.security.account-recheck}")
  java.time.Duration recheck;

  private BrowserSession loggedIn() throws Exception {
    TestAccounts.create(identityService, USER, "Cuenta", "Prueba", "demo", GROUP);
    BrowserSession session = new BrowserSession(port);
    assertThat(session.login(USER, "demo").headers().firstValue("Location")).isPresent();
    assertThat(reachable(session)).containsExactly(200, 200);
    return session;
  }

  /** The webapps' engine API and ours, with the session. */
  private static List<Integer> reachable(BrowserSession session) throws Exception {
    HttpResponse<String> webapp = session.send("GET", "/camunda/api/engine/engine/default/task/count", null,
        "Accept", "application/json");
    HttpResponse<String> api = session.send("GET", "/api/plan", null, "Accept", "application/json");
    return List.of(webapp.statusCode(), api.statusCode());
  }

  @AfterEach
  void removeTheAccount() {
    if (identityService.createUserQuery().userId(USER).count() > 0) {
      identityService.deleteUser(USER);
    }
  }

  private void assertEndsAtOnce(Consumer<EngineApi> change) throws Exception {
    for (String api : List.of("engine-rest", "webapp")) {
      BrowserSession session = loggedIn();
      BrowserSession other = new BrowserSession(port);
      other.login(USER, "demo");
      change.accept(EngineApi.of(api, port, "admin"));
      assertThat(reachable(session)).as("through %s", api).containsExactly(401, 401);
      assertThat(reachable(other)).as("second session, through %s", api).containsExactly(401, 401);
      HttpResponse<String> page = session.send("GET", "/camunda/app/tasklist/default/", null, "Accept", "text/html");
      assertThat(page.statusCode()).isEqualTo(302);
      assertThat(page.headers().firstValue("Location")).hasValue("/login");
      removeTheAccount();
    }
  }

  @Test
  void removingAGroupEndsTheSessionsAtOnce() throws Exception {
    assertEndsAtOnce(admin -> assertThat(admin.delete("group/" + GROUP + "/members/" + USER).status()).isEqualTo(204));
  }

  @Test
  void changingThePasswordEndsTheSessionsAtOnceAndTheOldPasswordNoLongerOpensTheApi() throws Exception {
    assertEndsAtOnce(admin -> {
      assertThat(rest.withBasicAuth(USER, "demo").getForEntity("/api/plan", String.class).getStatusCode().value())
          .isEqualTo(200);
      assertThat(admin.put("user/" + USER + "/credentials", Map.of("password", "Otra-clave-2026",
          "authenticatedUserPassword", "demo")).status()).isEqualTo(204);
      assertThat(rest.withBasicAuth(USER, "demo").getForEntity("/api/plan", String.class).getStatusCode().value())
          .isEqualTo(401);
    });
  }

  @Test
  void deletingTheAccountEndsTheSessionsAtOnce() throws Exception {
    assertEndsAtOnce(admin -> assertThat(admin.delete("user/" + USER).status()).isEqualTo(204));
  }

  @Test
  void aChangeMadeAnyOtherWayReachesTheSessionWithinTheBound() throws Exception {
    BrowserSession session = loggedIn();
    identityService.deleteMembership(USER, GROUP);
    Thread.sleep(recheck.toMillis() + 200);
    assertThat(reachable(session)).containsExactly(401, 401);
  }
}
