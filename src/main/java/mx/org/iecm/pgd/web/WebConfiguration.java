package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import mx.org.iecm.pgd.task.CompletionPolicy;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /**
   * Tomcat's own error answers (requests refused before the application sees them) in Spanish: our
   * valve replaces Tomcat's report valve and the one Spring Boot adds to the host.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> spanishErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof SpanishErrorReportValve)) {
            host.getPipeline().removeValve(valve);
          }
        }
        host.setErrorReportValveClass(SpanishErrorReportValve.class.getName());
      }
    });
  }

  /**
   * What the engine APIs let people write; after Spring Security, which has put the person in the
   * security context, and before the engine's REST servlets.
   */
  @Bean
  FilterRegistrationBean<EngineWritesFilter> engineWritesFilter(CompletionPolicy policy, TaskService taskService,
      IdentityService identityService, ObjectMapper objectMapper) {
    FilterRegistrationBean<EngineWritesFilter> registration =
        new FilterRegistrationBean<>(new EngineWritesFilter(policy, taskService, identityService, objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /** Completions and starts our rules refused, answered in Spanish with their fields, on both engine APIs. */
  @Bean
  FilterRegistrationBean<RefusedEngineRequestFilter> refusedEngineRequestFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<RefusedEngineRequestFilter> registration =
        new FilterRegistrationBean<>(new RefusedEngineRequestFilter(objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
