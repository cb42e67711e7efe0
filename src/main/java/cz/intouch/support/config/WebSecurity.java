package cz.intouch.support.config;

import static cz.intouch.support.ticket.SupportStaff.ADMINS;
import static cz.intouch.support.ticket.SupportStaff.AGENTS;
import static cz.intouch.support.ticket.SupportStaff.MANAGERS;
import static cz.intouch.support.ticket.SupportStaff.SPECIALISTS;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.api.ApiProblem;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Our JSON API and Actuator use HTTP Basic with the Camunda users (a few read-only /api GETs also
 * the webapps' session, for their plugins); the Camunda webapps and /engine-rest keep their own authentication
 * (webapp session with CSRF, engine REST Basic filter).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurity {

  /**
   * The GETs of /api that a logged-in webapp user may make with the webapp's session instead of HTTP Basic (see
   * {@link WebappSessionAuthentication}): read-only endpoints used by our Tasklist and Cockpit plugins. Add a GET
   * here when a webapp plugin needs it; who may call it is still the table below.
   */
  static final String[] WEBAPP_SESSION_READABLE = {
      "/api/tickets/*/conversation", "/api/tickets/*/attachments/*", "/api/reports/**"};

  private final ObjectMapper objectMapper;
  private final IdentityService identityService;
  private final String engineName;

  public WebSecurity(ObjectMapper objectMapper, ProcessEngine engine) {
    this.objectMapper = objectMapper;
    this.identityService = engine.getIdentityService();
    this.engineName = engine.getName();
  }

  @Bean
  @Order(1)
  public SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
        // The one table of who may call what on /api (README "Who may call what"). The controllers use the
        // engine's Java API without the caller's authorizations, so each row grants what the engine would:
        // agents and specialists work tickets, agents plan cosmetic fixes (their task), managers read
        // and run releases, SLA and customers, admins everything. A new endpoint is for admins until it gets a row.
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/triage").hasAnyRole(ADMINS, AGENTS, SPECIALISTS, MANAGERS)
            .requestMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole(ADMINS, AGENTS, SPECIALISTS)
            .requestMatchers(HttpMethod.GET, "/api/tickets/*").hasAnyRole(ADMINS, AGENTS, SPECIALISTS, MANAGERS)
            // the conversation tab in Tasklist: staff only, never a customer (the extranet shows its own tickets)
            .requestMatchers(HttpMethod.GET, "/api/tickets/*/conversation", "/api/tickets/*/attachments/*")
            .hasAnyRole(ADMINS, AGENTS, SPECIALISTS, MANAGERS)
            .requestMatchers(HttpMethod.GET, "/api/releases").hasAnyRole(ADMINS, AGENTS, SPECIALISTS, MANAGERS)
            .requestMatchers(HttpMethod.POST, "/api/releases/*/tickets/*").hasAnyRole(ADMINS, AGENTS)
            .requestMatchers(HttpMethod.POST, "/api/sla/recalculate").hasAnyRole(ADMINS, MANAGERS)
            .requestMatchers(HttpMethod.POST, "/api/customers/import").hasAnyRole(ADMINS, MANAGERS)
            .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole(ADMINS, MANAGERS)
            .anyRequest().hasRole(ADMINS))
        .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
        // a webapp page's session counts for the read-only GETs listed above; HTTP Basic, when sent, wins
        .addFilterAfter(new WebappSessionAuthentication(webappSessionReadable(), identityService, engineName),
            BasicAuthenticationFilter.class)
        .exceptionHandling(ex -> ex.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
        // no session fixation protection here: it would give the webapp's session a new id on every plugin GET,
        // and the page's other requests, still carrying the old id, would log the user out (the webapp's own
        // login already changes the id)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // stateless Basic authentication, and the webapp session only for GETs that change nothing: no cookie a
        // forged request could change anything with
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  public SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        // health and info for everyone (details when authorized); the rest, /actuator/prometheus included, for
        // administrators only: the metrics show the desk's workload and failures (contract: never anonymous)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
            .anyRequest().hasRole(ADMINS))
        .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * Camunda's webapps and engine REST authenticate themselves (and the webapps carry their own CSRF
   * filter and security headers), so Spring Security only stays out of their way here.
   */
  @Bean
  @Order(10)
  public SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
    // path matchers, not MVC ones: /engine-rest and the webapps are served by their own servlets and filters
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(new OrRequestMatcher(path.matcher("/camunda/**"), path.matcher("/engine-rest/**"),
            path.matcher("/"), path.matcher("/error")))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.disable())
        .build();
  }

  @Bean
  @Order(100)
  public SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
        .exceptionHandling(ex -> ex.accessDeniedHandler(jsonForbidden()).authenticationEntryPoint(jsonNotFound()))
        .build();
  }

  private static RequestMatcher webappSessionReadable() {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(WEBAPP_SESSION_READABLE).map(pattern -> path.matcher(HttpMethod.GET,
        pattern)).map(RequestMatcher.class::cast).toList());
  }

  private AuthenticationEntryPoint jsonUnauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"InTouch support desk\", charset=\"UTF-8\"");
      ApiProblem.unauthorized().write(response, objectMapper);
    };
  }

  private AccessDeniedHandler jsonForbidden() {
    return (request, response, e) -> ApiProblem.forbidden().write(response, objectMapper);
  }

  private AuthenticationEntryPoint jsonNotFound() {
    return (request, response, e) -> ApiProblem.of(HttpStatus.NOT_FOUND, "Stránka neexistuje.").write(response,
        objectMapper);
  }
}
