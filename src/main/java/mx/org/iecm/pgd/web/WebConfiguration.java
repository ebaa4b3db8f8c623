package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import mx.org.iecm.pgd.task.CompletionPolicy;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /**
   * What the engine APIs let people write; after Spring Security, which has put the person in the
   * security context, and before the engine's REST servlets.
   */
  @Bean
  FilterRegistrationBean<EngineWritesFilter> engineWritesFilter(CompletionPolicy policy, ObjectMapper objectMapper) {
    FilterRegistrationBean<EngineWritesFilter> registration =
        new FilterRegistrationBean<>(new EngineWritesFilter(policy, objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /** Refused task completions answered in Spanish with their fields, on both engine APIs. */
  @Bean
  FilterRegistrationBean<RefusedCompletionFilter> refusedCompletionFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<RefusedCompletionFilter> registration =
        new FilterRegistrationBean<>(new RefusedCompletionFilter(objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
