package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mx.org.iecm.pgd.support.BrowserSession;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The web edge as a hostile client meets it: the CSRF check cannot be switched off by a header, a
 * redirect never names the host a client chose, our pages send their security headers, HEAD follows
 * GET's rules, values are read strictly, and lessons are for the roles that use them.
 */
@PgdIntegrationTest
@OwnsCycles("11.2:2022")
class WebEdgeIntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;

  private long cycles(String key) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("action-line-lifecycle")
        .processInstanceBusinessKey(key).count();
  }

  @Test
  void anAuthorizationHeaderDoesNotExemptASessionFromTheCsrfCheck() throws Exception {
    BrowserSession manager = new BrowserSession(port);
    manager.login("manager1", "demo");
    long before = cycles("PGD-2020-2023:11.2:2022");

    for (String authorization : List.of("Bearer junk", "Basic " + java.util.Base64.getEncoder()
        .encodeToString("manager1:demo".getBytes(StandardCharsets.UTF_8)))) {
      HttpResponse<String> forged = manager.send("POST", "/api/cycles/2022/11.2", null,
          "Authorization", authorization, "Accept", "application/json");
      assertThat(forged.statusCode()).as(authorization).isEqualTo(403);
      assertThat(cycles("PGD-2020-2023:11.2:2022")).isEqualTo(before);
    }
    // A script with HTTP Basic and no session cookie needs no token.
    ResponseEntity<String> script = rest.withBasicAuth("manager1", "demo")
        .postForEntity("/api/cycles/2022/11.2", null, String.class);
    assertThat(script.getStatusCode().value()).isIn(200, 201);
    assertThat(cycles("PGD-2020-2023:11.2:2022")).isEqualTo(1);
  }

  @Test
  void redirectsNameAPathNeverTheHostTheClientSent() throws Exception {
    String answer = raw("GET /camunda/app/tasklist/default/ HTTP/1.1\r\nHost: evil.example\r\n"
        + "Accept: text/html\r\nConnection: close\r\n\r\n");
    assertThat(location(answer)).isEqualTo("/login");

    BrowserSession person = new BrowserSession(port);
    HttpResponse<String> page = person.send("GET", "/audit/cases/PGD-2020-2023:7.1:2021", null,
        "Accept", "text/html", "X-Forwarded-Host", "evil.example");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValue("/login");
    HttpResponse<String> loggedIn = person.login("auditor1", "demo");
    assertThat(loggedIn.headers().firstValue("Location")).hasValue("/audit/cases/PGD-2020-2023:7.1:2021?continue");
  }

  @Test
  void theIconOfEveryPageIsServedBeforeLogin() {
    ResponseEntity<byte[]> icon = rest.getForEntity("/favicon.ico", byte[].class);

    assertThat(icon.getStatusCode().value()).isEqualTo(200);
    assertThat(icon.getHeaders().getContentType()).hasToString("image/x-icon");
    // An ICO file: reserved 0, type 1 (icon).
    assertThat(java.util.Arrays.copyOf(icon.getBody(), 4)).containsExactly(0, 0, 1, 0);
  }

  @Test
  void ourPagesSendTheirSecurityHeadersAndTheWebappsKeepTheirs() throws Exception {
    BrowserSession auditor = new BrowserSession(port);
    for (HttpResponse<String> page : List.of(auditor.get("/login", "text/html"),
        auditor.get("/no-existe", "text/html"))) {
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.uri().toString())
          .hasValue(SecurityConfiguration.PAGES_CSP);
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(page.headers().firstValue("Permissions-Policy")).hasValue(SecurityConfiguration.PERMISSIONS_POLICY);
    }
    auditor.login("auditor1", "demo");
    HttpResponse<String> cockpit = auditor.get("/camunda/app/cockpit/default/", "text/html");
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("nonce-").isNotEqualTo(SecurityConfiguration.PAGES_CSP);
  }

  @Test
  void theBrowserKeepsTheWebappsFilesAndAsksForThemAgainButKeepsNoPageOrData() throws Exception {
    String script = "/camunda/lib/deps.js?bust=7.24.0";
    String plugin = "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js?bust=7.24.0";
    BrowserSession nobody = new BrowserSession(port);
    HttpResponse<String> refused = nobody.send("GET", script, null, "Sec-Fetch-Dest", "script");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));

    BrowserSession manager = new BrowserSession(port);
    manager.login("manager1", "demo");
    // Camunda's own files, asked for with the Camunda version in their address, are kept for a week
    // without asking again; ours (same «bust» in the address, but they change with our releases) and
    // Camunda's asked for without a version are asked again on each use.
    for (String file : List.of(script, plugin, "/camunda/app/cockpit/camunda-cockpit-bootstrap.js?bust=7.24.0",
        "/camunda/assets/IBMPlexSans-Regular.woff?bust=7.24.0")) {
      HttpResponse<String> served = manager.send("GET", file, null, "Sec-Fetch-Dest", "script");
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      assertThat(served.headers().allValues("Cache-Control")).as(file).containsExactly("private, max-age=604800");
      assertThat(served.headers().firstValue("Expires")).as(file).isEmpty();
    }
    for (String file : List.of("/camunda/app/cockpit/locales/es.json?bust=7.24.0",
        "/camunda/app/cockpit/pgd-plan/plugin.js?bust=7.24.0", "/camunda/app/pgd/session.js?bust=7.24.0",
        "/camunda/app/cockpit/scripts/config.js?bust=7.24.0", "/camunda/app/cockpit/styles/user-styles.css?bust=7.24.0",
        "/camunda/app/tasklist/pgd-tasklist/program-editor.html", "/camunda/lib/deps.js")) {
      HttpResponse<String> served = manager.send("GET", file, null, "Sec-Fetch-Dest", "script");
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      assertThat(served.headers().allValues("Cache-Control")).as(file).containsExactly("private, no-cache");
      assertThat(served.headers().firstValue("Expires")).as(file).isEmpty();
    }
    HttpResponse<String> served = manager.send("GET", script, null, "Sec-Fetch-Dest", "script");
    HttpResponse<String> unchanged = manager.send("GET", script, null, "Sec-Fetch-Dest", "script",
        "If-Modified-Since", served.headers().firstValue("Last-Modified").orElseThrow());
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().allValues("Cache-Control")).containsExactly("private, max-age=604800");

    // Pages and answers with data are never kept, whatever their address ends with.
    for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/api/engine/engine/default/process-definition/count",
        "/camunda/api/engine/engine/default/deployment/no-existe.js", "/api/plans", "/audit/cases")) {
      HttpResponse<String> answer = manager.get(path, "text/html,application/json");
      assertThat(answer.headers().firstValue("Cache-Control")).as(path)
          .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }
  }

  @Test
  void headFollowsTheRulesOfGet() {
    ResponseEntity<String> staff = rest.withBasicAuth("deoeyg-staff1", "demo")
        .exchange("/api/status?year=2022", HttpMethod.HEAD, null, String.class);
    assertThat(staff.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> manager = rest.withBasicAuth("manager1", "demo")
        .exchange("/api/status?year=2022", HttpMethod.HEAD, null, String.class);
    assertThat(manager.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void lessonsAreForThePeopleOfTheAreasTheSgceManagersAndAuditors() {
    User nobody = identityService.newUser("sin-grupo");
    nobody.setPassword("demo");
    nobody.setFirstName("Sin");
    nobody.setLastName("Grupo");
    identityService.saveUser(nobody);
    try {
      assertThat(rest.withBasicAuth("sin-grupo", "demo").getForEntity("/api/lessons", JsonNode.class)
          .getStatusCode().value()).isEqualTo(403);
      for (String reader : List.of("deoeyg-staff1", "deoeyg-head1", "sgce1", "manager1", "auditor1", "admin")) {
        assertThat(rest.withBasicAuth(reader, "demo").getForEntity("/api/lessons", JsonNode.class)
            .getStatusCode().value()).as(reader).isEqualTo(200);
      }
    } finally {
      identityService.deleteUser("sin-grupo");
    }
  }

  @Test
  void yearsLinesDatesAndTextAreReadStrictly() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("action-line-lifecycle")
        .count();
    for (String year : List.of("0x7E6", "２０２２", "+2022", "2022.0", "02022")) {
      ResponseEntity<JsonNode> refused = post("manager1", "/api/cycles/{year}", null, year);
      assertThat(refused.getStatusCode().value()).as(year).isEqualTo(400);
      assertThat(refused.getBody().path("detail").asText()).as(year).startsWith("«year»: ").contains("no es un año");
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("action-line-lifecycle")
        .count()).isEqualTo(before);

    ResponseEntity<JsonNode> line = post("manager1", "/api/cycles/2022/1.1x", null);
    assertThat(line.getStatusCode().value()).isEqualTo(400);
    assertThat(line.getBody().path("detail").asText()).startsWith("«lineId»: «1.1x» no es una línea de acción");

    ResponseEntity<JsonNode> date = rest.withBasicAuth("auditor1", "demo").getForEntity(
        "/api/audit/cases?from={from}", JsonNode.class, "2022-02-01<img src=x onerror=alert(1)>");
    assertThat(date.getStatusCode().value()).isEqualTo(400);
    assertThat(date.getBody().path("detail").asText()).startsWith("«from»: ").contains("no es una fecha AAAA-MM-DD");

    ResponseEntity<JsonNode> control = post("manager1", "/api/cycles/2022/11.2/cancel", Map.of("reason", "\u0000"));
    assertThat(control.getStatusCode().value()).isEqualTo(400);
    assertThat(control.getBody().path("detail").asText()).contains("caracteres de control");

    ResponseEntity<JsonNode> duplicate = post("manager1", "/api/cycles/2022/11.2/cancel",
        "{\"reason\": \"Duplicado\", \"reason\": \"Otro\"}");
    assertThat(duplicate.getStatusCode().value()).isEqualTo(400);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("PGD-2020-2023:11.2:2022")
        .finished().count()).isZero();
  }

  @Test
  void aCallerMayNameThePlanAndAYearOfAnotherPlanIsRefused() {
    ResponseEntity<JsonNode> other = post("manager1", "/api/cycles/2022/11.2?plan=PGD-2023-2026", null);
    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(other.getBody().path("detail").asText())
        .isEqualTo("«plan»: el año 2022 pertenece al plan PGD-2020-2023, no a «PGD-2023-2026».");
    assertThat(post("manager1", "/api/cycles/2022/11.2?plan=PGD-2020-2023", null).getStatusCode().value())
        .isIn(200, 201);
    assertThat(cycles("PGD-2020-2023:11.2:2022")).isEqualTo(1);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body, Object... variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
        new HttpEntity<>(body instanceof String text ? text : body, headers), JsonNode.class, variables);
  }

  /** A request written by hand (the HTTP clients do not let a caller choose the Host header). */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder answer = new StringBuilder();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        answer.append(line).append('\n');
      }
      return answer.toString();
    }
  }

  private static String location(String head) {
    return head.lines().filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
        .map(line -> line.substring(9).strip()).findFirst().orElse(null);
  }
}
