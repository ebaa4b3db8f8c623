package mx.org.iecm.bench;

import jakarta.servlet.Filter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import mx.org.iecm.pgd.support.StatementCounter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The benchmark's count of what each {@code /engine-rest} request costs on the server: the SQL statements
 * its thread prepares and the processor time of that thread, from before the security filters to the
 * answer. Only the benchmark adds this configuration; it counts while {@link #into} names a target.
 */
@Configuration(proxyBeanMethods = false)
class RequestCosts {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Where the requests' costs go; none counted while null. */
  static volatile PgdBenchmark.Latencies into;

  @Bean
  FilterRegistrationBean<Filter> requestCostsFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      PgdBenchmark.Latencies target = into;
      if (target == null) {
        chain.doFilter(request, response);
        return;
      }
      StatementCounter.reset();
      long cpu = CPU.getCurrentThreadCpuTime();
      try {
        chain.doFilter(request, response);
      } finally {
        target.cpu(CPU.getCurrentThreadCpuTime() - cpu);
        target.statements(StatementCounter.count());
      }
    });
    registration.setName("bench-request-costs");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
