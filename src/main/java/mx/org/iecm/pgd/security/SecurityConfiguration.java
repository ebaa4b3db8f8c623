package mx.org.iecm.pgd.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mx.org.iecm.pgd.catalog.Area;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.web.WebErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
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

  /**
   * Spring Security observes nothing of its own: with Actuator present it would otherwise time every filter
   * of the chain, every authentication and every authorization on every request. Nothing reads those
   * timers; the requests' own ({@code http_server_requests} at {@code /actuator/prometheus}) stay. Measured
   * in BENCHMARKS.md §14.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, IdentityService identityService,
      PlanCatalog catalog) throws Exception {
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
            // The plan's status, read only: those who follow the plan and those who audit it (every
            // method: HEAD answers as GET does, and nothing else is mapped there).
            .requestMatchers(path.matcher("/api/status"), path.matcher("/api/status/**"))
            .hasAnyAuthority(Groups.MANAGERS, Groups.CAMUNDA_ADMIN, Groups.AUDITORS, Groups.SGCE_OFFICE)
            // The operations metrics: managers and administrators only.
            .requestMatchers(path.matcher("/actuator/prometheus"), path.matcher("/actuator/metrics/**"))
            .hasAnyAuthority(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            // Lessons learned: the people of the areas, the SGCE office, managers and auditors.
            .requestMatchers(path.matcher("/api/lessons"), path.matcher("/api/lessons/**"))
            .access(lessonReaders(catalog))
            // The auditors' record of every cycle.
            .requestMatchers(path.matcher("/api/audit/**"))
            .hasAnyAuthority(Groups.AUDITORS, Groups.SGCE_OFFICE, Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            // Health answers anyone, with details only for managers and administrators.
            .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
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
        // A forged request could ride on the session cookie: any request that sends one needs the CSRF
        // token, whatever else it carries. Only a request without a session cookie (a script with HTTP
        // Basic, or nobody, who then gets 401) cannot be forged that way.
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestedSessionId() == null))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, IdentityService identityService, Clock clock)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path.matcher("/login"), path.matcher("/error"), path.matcher("/css/**"),
                path.matcher("/favicon.ico"))
            .permitAll()
            .requestMatchers(path.matcher("/audit/**"))
            .hasAnyAuthority(Groups.AUDITORS, Groups.SGCE_OFFICE, Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        // Every redirect is a path on this server, never an address built from the request's Host or
        // X-Forwarded-Host, which a client chooses.
        .formLogin(form -> form.loginPage("/login").successHandler(afterLogin(identityService, clock)))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.POST, "/logout"),
                path.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
            .logoutSuccessHandler(WebappSecuritySupport::afterLogout))
        // Background calls of the webapps get 401, pages a redirect to the login page. So do a page's
        // fonts, scripts and frames: only the page itself leads to the login page, so that they start no
        // session of their own beside the one the login form belongs to.
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                new OrRequestMatcher(path.matcher("/camunda/api/**"), request -> !isPageNavigation(request)))
            .defaultAuthenticationEntryPointFor(toLoginPage(), AnyRequestMatcher.INSTANCE))
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        // Camunda's webapps protect their requests with their own CSRF filter (X-XSRF-TOKEN); our pages use Spring's.
        .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**")))
        .headers(headers -> headers
            .frameOptions(frame -> frame.sameOrigin())
            .contentTypeOptions(Customizer.withDefaults())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
            // Our pages (login, expediente, error) load only their own stylesheets and no script; the
            // webapps under /camunda send Camunda's own policy, with its per-response nonce.
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                request -> !path.matcher("/camunda/**").matches(request),
                new StaticHeadersWriter("Content-Security-Policy", PAGES_CSP)))
            // The webapps' own files (scripts, styles, fonts, images, texts) may be kept by the person's
            // browser and are asked again with If-Modified-Since on each use (304 while unchanged, the
            // new file right after an upgrade); everything else, pages and answers with data, is not kept.
            .cacheControl(cache -> cache.disable())
            .addHeaderWriter(cachePolicy()))
        .build();
  }

  /**
   * The firewall's refusals (encoded slashes, path traversal, methods such as TRACE, odd headers), in
   * Spanish and in the format of the caller, written here: some of those requests could not even be
   * dispatched to the error page.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
    return (request, response, rejected) -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setCharacterEncoding("UTF-8");
      if (WebErrors.wantsJson(request, path)) {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), WebErrors.problem(400, request.getMethod(), path));
      } else {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write(WebErrors.page(400));
      }
    };
  }

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  static final String PAGES_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self';"
      + " form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  /** The people of the areas (staff and heads), the SGCE office, managers, auditors and administrators. */
  static AuthorizationManager<RequestAuthorizationContext> lessonReaders(PlanCatalog catalog) {
    Set<String> readers = new HashSet<>(List.of(Groups.SGCE_OFFICE, Groups.MANAGERS, Groups.AUDITORS,
        Groups.CAMUNDA_ADMIN));
    for (Area area : catalog.areas()) {
      readers.add(Groups.staff(area.code()));
      readers.add(Groups.head(area.code()));
    }
    return (authentication, context) -> new AuthorizationDecision(authentication.get() != null
        && authentication.get().getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(readers::contains));
  }

  /** The login page, as a path: the redirect names no host. */
  static LoginUrlAuthenticationEntryPoint toLoginPage() {
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    login.setFavorRelativeUris(true);
    return login;
  }

  /**
   * After logging in: the session notes what the account stood on ({@link AccountRecheckFilter}), and the
   * person goes to the page they asked for (its path and query) or to Tasklist.
   */
  static AuthenticationSuccessHandler afterLogin(IdentityService identityService, Clock clock) {
    SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
    handler.setDefaultTargetUrl(TASKLIST);
    handler.setRequestCache(pagesOnly());
    handler.setRedirectStrategy(SecurityConfiguration::redirectToPath);
    return (request, response, authentication) -> {
      AccountRecheckFilter.stamp(request.getSession(), identityService, authentication.getName(), clock);
      handler.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /** Redirects to the path and query of {@code url}, dropping the scheme and host a saved request carries. */
  static void redirectToPath(HttpServletRequest request, HttpServletResponse response, String url)
      throws IOException {
    URI target = URI.create(url);
    String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    if (!target.isAbsolute() && !path.startsWith("/")) {
      path = request.getContextPath() + "/" + path;
    }
    response.sendRedirect(response.encodeRedirectURL(path.replaceFirst("^/+", "/")
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())));
  }

  static final String WEBAPP_FILES_CACHE = "private, no-cache";

  /** A week: the address of Camunda's own files changes with each Camunda version ({@code ?bust=7.24.0}). */
  static final String CAMUNDA_FILES_CACHE = "private, max-age=604800";

  /** The webapps' files, and the HTML templates of our own additions (never a page: those are no-store). */
  private static final Pattern WEBAPP_FILE = Pattern.compile(
      "/camunda/(?:(?:app|lib|assets|api/[a-z]+/plugin/[^/]+/static)/.+\\.(?:js|css|woff2?|ttf|eot|svg|png|gif|ico|json)"
          + "|app/[a-z]+/pgd-[a-z-]+/[^/]+\\.html)");

  /**
   * Files that only Camunda's webapp jar serves (libraries, fonts and images, the webapps' bootstrap
   * scripts and styles, its plugins' static files): none of ours is at these addresses
   * ({@code WebappCustomisationsTest} checks it), so they change only with the Camunda version.
   */
  static final Pattern CAMUNDA_FILE = Pattern.compile(
      "/camunda/(?:(?:lib|assets|api/[a-z]+/plugin/[^/]+/static)/.+\\.(?:js|css|woff2?|ttf|eot|svg|png|gif|ico|json)"
          + "|app/([a-z]+)/camunda-\\1-bootstrap\\.(?:js|css))");

  /**
   * The webapps' files, when served (200) or unchanged (304), may be kept by the person's browser:
   * Camunda's own, asked for with their version in the address, for a week without asking again;
   * the others (ours among them) asked again on each use. Everything else gets Spring Security's «keep
   * nothing».
   */
  static HeaderWriter cachePolicy() {
    CacheControlHeadersWriter keepNothing = new CacheControlHeadersWriter();
    return (request, response) -> {
      int status = response.getStatus();
      boolean served = status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_NOT_MODIFIED;
      if (served && isVersionedCamundaFile(request)) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CAMUNDA_FILES_CACHE);
      } else if (served && isWebappFile(request)) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, WEBAPP_FILES_CACHE);
      } else {
        keepNothing.writeHeaders(request, response);
      }
    };
  }

  /**
   * A GET of one of the webapps' own files: under {@code /camunda/app}, {@code /lib}, {@code /assets} or a
   * plugin's {@code static} folder, named with the extension of a script, style, font, image or texts, or
   * an HTML template in the folder of one of our additions ({@code pgd-*}). Never an engine API answer,
   * whatever its path ends with.
   */
  static boolean isWebappFile(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && WEBAPP_FILE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  /** A GET of one of Camunda's own files with the version in its address ({@code bust}). */
  static boolean isVersionedCamundaFile(HttpServletRequest request) {
    String bust = request.getParameter("bust");
    return isWebappFile(request) && bust != null && !bust.isBlank()
        && CAMUNDA_FILE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

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
   * Ends a session whose account changed since the login (password, groups, deletion); right after the
   * security filter chain, before the webapps and the engine APIs see the person.
   */
  @Bean
  FilterRegistrationBean<AccountRecheckFilter> accountRecheck(IdentityService identityService, Clock clock,
      ObjectMapper objectMapper, @Value("${pgd.security.account-recheck:60s}") Duration recheck) {
    FilterRegistrationBean<AccountRecheckFilter> registration =
        new FilterRegistrationBean<>(new AccountRecheckFilter(identityService, recheck, clock, objectMapper));
    registration.setName("pgd-account-recheck");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Ends the sessions of a person whose password, groups or account an administrator changed. */
  @Bean
  FilterRegistrationBean<AccountChangesFilter> accountChanges(AccountSessions sessions,
      IdentityService identityService, LoginThrottle throttle) {
    FilterRegistrationBean<AccountChangesFilter> registration =
        new FilterRegistrationBean<>(new AccountChangesFilter(sessions, identityService, throttle));
    registration.setName("pgd-account-changes");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
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
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  /** The webapps' CSP nonce per request (see {@link RequestScopedNonceFilter}); before the webapps' filters. */
  @Bean
  FilterRegistrationBean<RequestScopedNonceFilter> webappNoncePerRequest() {
    FilterRegistrationBean<RequestScopedNonceFilter> registration =
        new FilterRegistrationBean<>(new RequestScopedNonceFilter());
    registration.setName("camunda-webapp-nonce-per-request");
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }
}
