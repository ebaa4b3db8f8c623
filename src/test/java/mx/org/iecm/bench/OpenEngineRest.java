package mx.org.iecm.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The benchmark's own profile for measuring what security costs: {@code /engine-rest} without
 * authentication (so without the engine's authorization checks either). Only the benchmark adds
 * this configuration; it is not part of the application.
 */
@Configuration(proxyBeanMethods = false)
class OpenEngineRest {

  @Bean
  @Order(0)
  SecurityFilterChain openEngineRestChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

}
