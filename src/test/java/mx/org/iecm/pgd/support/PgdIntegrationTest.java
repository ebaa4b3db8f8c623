package mx.org.iecm.pgd.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as deployed, on a real PostgreSQL, with the demo users and security on.
 * Every test class carrying it shares one Spring context, and starts only the cycles it owns
 * ({@link OwnsCycles}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Seals left waiting are retried when a test says so, not by the minute; sessions check their account
// every 2 s instead of every minute and login locks last 3 s instead of 15 minutes, so that the tests
// of those bounds wait little.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "pgd.seals.retry-delay=PT24H", "pgd.security.account-recheck=PT2S", "pgd.security.login.lockout=PT3S"})
@ActiveProfiles("demo")
@ContextConfiguration(initializers = PostgresContextInitializer.class)
@Import(StatementCounter.class)
@ExtendWith(CycleOwnership.class)
public @interface PgdIntegrationTest {
}
