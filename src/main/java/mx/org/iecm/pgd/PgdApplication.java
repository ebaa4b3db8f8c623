package mx.org.iecm.pgd;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import java.time.Clock;
import java.time.ZoneId;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Workflows of the IECM's Plan General de Desarrollo on Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("pgd-workflows")
@EnableScheduling
public class PgdApplication {

  /** The institute's clock: Mexico City time decides the fiscal year and every due date. */
  public static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

  static {
    // The engine reads every timer's duration (each user task's escalation timer) through
    // DatatypeFactory.newInstance(), which, unless told which implementation to use, searches every jar
    // of the class path for a provider each time. No jar here provides one, so the search always ends
    // at the JDK's own implementation: naming it spares the search (BENCHMARKS.md §9).
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(PgdApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
