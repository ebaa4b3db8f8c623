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
// Seals left waiting are retried when a test says so, not by the minute.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pgd.seals.retry-delay=PT24H")
@ActiveProfiles("demo")
@ContextConfiguration(initializers = PostgresContextInitializer.class)
@Import(StatementCounter.class)
@ExtendWith(CycleOwnership.class)
public @interface PgdIntegrationTest {
}
