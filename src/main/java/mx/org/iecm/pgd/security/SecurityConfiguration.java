package mx.org.iecm.pgd.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import mx.org.iecm.pgd.catalog.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against Camunda's users for scripts and
 *       integrations, or the session of a person logged in at {@code /login}.
 *   <li>Everything else: one login at {@code /login} whose session Tasklist, Cockpit, Admin and our
 *       pages share; only the login page and its stylesheet are public.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/**";
  static final String API = "/api/**";
  static final String ACTUATOR = "/actuator/**";

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
            PathPatternRequestMatcher.withDefaults().matcher(API),
            PathPatternRequestMatcher.withDefaults().matcher(ACTUATOR)))
        .authorizeHttpRequests(requests -> requests
            // Starting and cancelling cycles: managers and administrators only.
            .requestMatchers(path.matcher(HttpMethod.POST, "/api/cycles/{year}"),
                path.matcher(HttpMethod.POST, "/api/cycles/{year}/{lineId}"),
                path.matcher(HttpMethod.POST, "/api/cycles/{year}/{lineId}/cancel"))
            .hasAnyAuthority(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            // The plan's status and the operations metrics: managers and administrators only.
            .requestMatchers(path.matcher(HttpMethod.GET, "/api/status"), path.matcher("/actuator/prometheus"),
                path.matcher("/actuator/metrics/**"))
            .hasAnyAuthority(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            // The auditors' record of every cycle.
            .requestMatchers(path.matcher("/api/audit/**"))
            .hasAnyAuthority(Groups.AUDITORS, Groups.SGCE_OFFICE, Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            // Health answers anyone, with details only for managers and administrators.
            .requestMatchers(path.matcher(HttpMethod.GET, "/actuator/health"), path.matcher(HttpMethod.GET, "/actuator/health/**"))
            .permitAll()
            .requestMatchers(path.matcher(ACTUATOR)).hasAnyAuthority(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
        .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(new ProblemAccessDeniedHandler(objectMapper)))
        // Scripts send HTTP Basic on every call and get no session; a person logged in at /login uses
        // the session of the webapps here too.
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        // A forged request could ride on that session cookie: it needs the CSRF token. Calls that carry
        // their own credentials, or have no session at all, cannot be forged that way.
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
            || request.getSession(false) == null))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path.matcher("/login"), path.matcher("/error"), path.matcher("/css/**"),
                path.matcher("/favicon.ico"))
            .permitAll()
            .requestMatchers(path.matcher("/audit/**"))
            .hasAnyAuthority(Groups.AUDITORS, Groups.SGCE_OFFICE, Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl(TASKLIST, false))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.POST, "/logout"),
                path.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
            .logoutSuccessHandler(WebappSecuritySupport::afterLogout))
        // Background calls of the webapps get 401, pages a redirect to the login page. So do a page's
        // fonts, scripts and frames: only the page itself leads to the login page, so that they start no
        // session of their own beside the one the login form belongs to.
        .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
            new OrRequestMatcher(path.matcher("/camunda/api/**"), request -> !isPageNavigation(request))))
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        // Camunda's webapps protect their requests with their own CSRF filter (X-XSRF-TOKEN); our pages use Spring's.
        .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**")))
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .contentTypeOptions(Customizer.withDefaults()))
        .build();
  }

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  /** A person's own navigation to a page (browsers say so in Sec-Fetch-Dest; other clients do not). */
  static boolean isPageNavigation(HttpServletRequest request) {
    String destination = request.getHeader("Sec-Fetch-Dest");
    return destination == null || destination.equals("document");
  }

  /**
   * After logging in, a person returns to the page they asked for. Only a person's own page requests
   * count: when a session ends while a webapp is open, its fonts, scripts and frames also arrive without
   * a session, and none of them must become where the person lands after logging in again.
   */
  static RequestCache pagesOnly() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    RequestMatcher get = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**");
    cache.setRequestMatcher(new AndRequestMatcher(get, html, SecurityConfiguration::isPageNavigation));
    return cache;
  }

  /**
   * Signs the person Spring Security authenticated into the Camunda webapps (Camunda's container-based
   * authentication): one login for Tasklist, Cockpit, Admin and our pages. It runs after the security
   * filter chain and before the webapps' own filters.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("camunda-webapp-single-sign-on");
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** The webapps' CSP nonce per request (see {@link RequestScopedNonceFilter}); before the webapps' filters. */
  @Bean
  FilterRegistrationBean<RequestScopedNonceFilter> webappNoncePerRequest() {
    FilterRegistrationBean<RequestScopedNonceFilter> registration =
        new FilterRegistrationBean<>(new RequestScopedNonceFilter());
    registration.setName("camunda-webapp-nonce-per-request");
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
