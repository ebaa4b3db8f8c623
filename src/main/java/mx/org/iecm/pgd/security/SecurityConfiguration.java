package mx.org.iecm.pgd.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import mx.org.iecm.pgd.catalog.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against Camunda's users, no session.
 *   <li>Everything else (the Camunda webapps and static files): the webapps' own login, which keeps
 *       its own CSRF protection.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/**";
  static final String API = "/api/**";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, IdentityService identityService)
      throws Exception {
    ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(objectMapper);
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    return http
        // Path patterns on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's.
        .securityMatcher(new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(ENGINE_REST),
            PathPatternRequestMatcher.withDefaults().matcher(API)))
        .authorizeHttpRequests(requests -> requests
            // Starting and cancelling cycles: managers and administrators only.
            .requestMatchers(path.matcher(HttpMethod.POST, "/api/cycles/{year}"),
                path.matcher(HttpMethod.POST, "/api/cycles/{year}/{lineId}"),
                path.matcher(HttpMethod.POST, "/api/cycles/{year}/{lineId}/cancel"))
            .hasAnyAuthority(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
        .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(new ProblemAccessDeniedHandler(objectMapper)))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic authentication: there is no session cookie for a forged request to ride on.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The Camunda webapps protect their own forms with their CSRF prevention filter.
        .csrf(csrf -> csrf.disable())
        .headers(Customizer.withDefaults())
        .build();
  }

  /**
   * Tells the engine who is calling {@code /engine-rest}: the user Spring Security authenticated.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName()));
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
