package mx.org.iecm.pgd.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  /** Camunda's REST resources plus the 503 answers for database failures. */
  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(DatabaseFailureMapper.OfEngine.class);
        register(DatabaseFailureMapper.OfSpring.class);
      }
    };
  }

  /** Ahead of the session store (Spring Session's filter) and of Spring Security. */
  @Bean
  FilterRegistrationBean<DatabaseFailureFilter> databaseFailureFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<DatabaseFailureFilter> registration =
        new FilterRegistrationBean<>(new DatabaseFailureFilter(objectMapper));
    registration.setOrder(Integer.MIN_VALUE + 10);
    return registration;
  }
}
