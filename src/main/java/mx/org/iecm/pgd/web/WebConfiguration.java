package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Refused task completions answered in Spanish with their fields, on both engine APIs. */
  @Bean
  FilterRegistrationBean<RefusedCompletionFilter> refusedCompletionFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<RefusedCompletionFilter> registration =
        new FilterRegistrationBean<>(new RefusedCompletionFilter(objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
