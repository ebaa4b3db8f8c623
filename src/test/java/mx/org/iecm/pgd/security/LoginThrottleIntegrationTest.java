package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import mx.org.iecm.pgd.support.EngineApi;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.TestAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins lock an account for a while, not for good, and one client address cannot lock
 * everybody: it is cut off first. A locked account or address gets exactly a wrong password's answer.
 */
@PgdIntegrationTest
class LoginThrottleIntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Value("${pgd.security.login.lockout}")
  Duration lockout;

  private final List<String> users = List.of("bloqueo-uno", "bloqueo-dos");

  private void create(String id) {
    TestAccounts.create(identityService, id, "Prueba", "Bloqueo", "Clave-correcta-1", "deoeyg-staff");
  }

  @AfterEach
  void remove() {
    users.forEach(id -> {
      if (identityService.createUserQuery().userId(id).count() > 0) {
        identityService.deleteUser(id);
      }
    });
  }

  private ResponseEntity<String> call(String user, String password, String address) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.set("X-Forwarded-For", address);
    return rest.exchange("/api/plan", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void tenWrongPasswordsLockTheAccountForAWhileWithTheAnswerOfAWrongPassword() throws Exception {
    create("bloqueo-uno");
    ResponseEntity<String> wrong = null;
    for (int i = 0; i < 10; i++) {
      wrong = call("bloqueo-uno", "mala-" + i, "10.1.1." + i);
      assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    }
    ResponseEntity<String> locked = call("bloqueo-uno", "Clave-correcta-1", "10.1.2.1");
    assertThat(locked.getStatusCode().value()).isEqualTo(401);
    assertThat(locked.getBody()).isEqualTo(wrong.getBody());

    Thread.sleep(lockout.toMillis() + 300);
    assertThat(call("bloqueo-uno", "Clave-correcta-1", "10.1.2.1").getStatusCode().value()).isEqualTo(200);

    // Locked again, an administrator lifts the lock in Admin (the engine's unlock) without waiting.
    for (int i = 0; i < 10; i++) {
      call("bloqueo-uno", "mala-" + i, "10.1.3." + i);
    }
    assertThat(call("bloqueo-uno", "Clave-correcta-1", "10.1.2.1").getStatusCode().value()).isEqualTo(401);
    assertThat(EngineApi.rest(port, "admin").post("user/bloqueo-uno/unlock", java.util.Map.of()).status()).isEqualTo(204);
    assertThat(call("bloqueo-uno", "Clave-correcta-1", "10.1.2.1").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void oneAddressIsCutOffBeforeItCanLockEverybody() {
    create("bloqueo-dos");
    for (int i = 0; i < 30; i++) {
      call("persona-" + i, "mala", "10.9.9.9");
    }
    assertThat(call("bloqueo-dos", "Clave-correcta-1", "10.9.9.9").getStatusCode().value()).isEqualTo(401);
    assertThat(call("bloqueo-dos", "Clave-correcta-1", "10.9.9.10").getStatusCode().value()).isEqualTo(200);

    String metrics = rest.withBasicAuth("manager1", "demo").getForObject("/actuator/prometheus", String.class);
    assertThat(metrics).containsPattern("pgd_login_locks_total\\{.*kind=\"address\".*\\} [1-9]");
  }
}
