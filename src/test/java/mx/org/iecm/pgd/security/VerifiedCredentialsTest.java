package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class VerifiedCredentialsTest {

  private static final List<GrantedAuthority> STAFF = List.of(new SimpleGrantedAuthority("deoeyg-staff"));

  @Test
  void aVerifiedPasswordIsRecognisedOnlyForThatUserAndThatPassword() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(1), 100);
    verified.remember("deoeyg-staff1", "Clave-2026", STAFF);

    assertThat(verified.find("deoeyg-staff1", "Clave-2026")).contains(STAFF);
    assertThat(verified.find("deoeyg-staff1", "clave-2026")).isEmpty();
    assertThat(verified.find("deoeyg-staff2", "Clave-2026")).isEmpty();

    verified.forget("deoeyg-staff1");
    assertThat(verified.find("deoeyg-staff1", "Clave-2026")).isEmpty();
  }

  @Test
  void aZeroTimeToLiveRemembersNothing() {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ZERO, 100);
    verified.remember("deoeyg-staff1", "Clave-2026", STAFF);

    assertThat(verified.find("deoeyg-staff1", "Clave-2026")).isEmpty();
  }

  @Test
  void anExpiredEntryIsCheckedAgain() throws InterruptedException {
    VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMillis(50), 100);
    verified.remember("deoeyg-staff1", "Clave-2026", STAFF);

    Thread.sleep(200);

    assertThat(verified.find("deoeyg-staff1", "Clave-2026")).isEmpty();
  }
}
