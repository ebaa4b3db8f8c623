package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for the webapps: a browser-like client logs in at /login and is known to Tasklist.
 */
@PgdIntegrationTest
class WebappLoginIntegrationTest {

  private static final Pattern POLICY_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern SCRIPT_NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  private BrowserSession browser;

  @BeforeEach
  void newBrowser() {
    browser = new BrowserSession(port);
  }

  private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return browser.get(path, accept);
  }

  private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return browser.post(path, form);
  }

  private HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
    return browser.login(user, password);
  }

  @Test
  void pagesRedirectToTheSpanishLoginPageWithSecurityHeaders() throws Exception {
    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", "text/html");
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    assertThat(get("/camunda/api/admin/auth/user/default", "application/json").statusCode()).isEqualTo(401);

    HttpResponse<String> page = get("/login", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"es-MX\"", "Iniciar sesión", "Contraseña");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void oneLoginOpensTasklistAndTheWebappsKnowThePerson() throws Exception {
    HttpResponse<String> loggedIn = login("deoeyg-staff1", "demo");
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/default/"));

    assertThat(get("/camunda/app/tasklist/default/", "text/html").statusCode()).isEqualTo(200);
    HttpResponse<String> user = get("/camunda/api/admin/auth/user/default", "application/json");
    assertThat(user.body()).contains("\"userId\":\"deoeyg-staff1\"", "tasklist").doesNotContain("cockpit");
    assertThat(get("/api/plan", "application/json").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/app/cockpit/default/", "text/html").statusCode()).isEqualTo(403);

    assertThat(post("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/api/admin/auth/user/default", "application/json").statusCode()).isEqualTo(401);
  }

  @Test
  void pagesLoadedAtOnceEachCarryTheNonceOfTheirOwnSecurityPolicy() throws Exception {
    login("deoeyg-staff2", "demo");

    List<HttpResponse<String>> pages = browser.getAtOnce("/camunda/app/tasklist/default/", "text/html", 60);

    assertThat(pages).allSatisfy(page -> {
      assertThat(page.statusCode()).isEqualTo(200);
      Matcher policy = POLICY_NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
      assertThat(policy.find()).isTrue();
      Matcher script = SCRIPT_NONCE.matcher(page.body());
      assertThat(script.find()).isTrue();
      assertThat(script.group(1)).as("nonce of the page's scripts").isEqualTo(policy.group(1));
    });
  }

  @Test
  void wrongPasswordStaysOnTheLoginPageWithAnError() throws Exception {
    HttpResponse<String> refused = login("utsi-head2", "no-es-esta");

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    assertThat(get("/login?error", "text/html").body()).contains("Usuario o contraseña incorrectos");
  }
}
