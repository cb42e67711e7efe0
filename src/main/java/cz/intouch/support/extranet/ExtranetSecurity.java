package cz.intouch.support.extranet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customers' extranet: its own login (contacts with a password set through a mailed link, BCrypt), separate
 * from the staff's Camunda identities. Session cookie with CSRF protection, a new session id at login, throttling of
 * failed logins per (name, client address) and per client address ({@link LoginThrottle}), strict security headers.
 * A wrong password, an unknown name and an account without a password yet answer alike and take alike long.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ExtranetSecurity {

  static final String LOGIN = "/extranet/login";
  /** Scripts none; styles only inline in our own templates; nothing may frame the pages. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  @Order(5)
  public SecurityFilterChain extranetFilterChain(HttpSecurity http, ExtranetAccounts accounts, LoginThrottle throttle)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(path.matcher("/extranet/**"))
        .authenticationManager(new ProviderManager(authenticationProvider(accounts)))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path.matcher(LOGIN), path.matcher("/extranet/set-password"), path.matcher("/extranet/reset"))
            .permitAll()
            .anyRequest().hasAuthority(ExtranetUser.ROLE))
        .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
            .successHandler(successHandler(throttle))
            .failureHandler(failureHandler(throttle)))
        .logout(logout -> logout.logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST,
            "/extranet/logout")).logoutSuccessUrl(LOGIN + "?logout"))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .build();
  }

  private static DaoAuthenticationProvider authenticationProvider(ExtranetAccounts accounts) {
    // an unknown name is compared against a dummy hash (the provider's own timing protection), an account without
    // a password against ExtranetUser's unusable one: every failure costs one BCrypt comparison
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::loadUser);
    provider.setPasswordEncoder(ExtranetAccounts.PASSWORDS);
    provider.setPreAuthenticationChecks(user -> { });
    // the rest is checked only after a correct password, so it tells a stranger nothing
    provider.setPostAuthenticationChecks(user -> {
      if (!user.isEnabled()) {
        throw new BadCredentialsException("no password set");
      }
      if (!((ExtranetUser) user).contractValid()) {
        throw new AccountExpiredException("contract expired");
      }
    });
    return provider;
  }

  private static SavedRequestAwareAuthenticationSuccessHandler successHandler(LoginThrottle throttle) {
    SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
          org.springframework.security.core.Authentication authentication) throws ServletException, IOException {
        throttle.recordSuccess(request.getRemoteAddr(), request.getParameter("username"));
        super.onAuthenticationSuccess(request, response, authentication);
      }
    };
    handler.setDefaultTargetUrl("/extranet/releases");
    return handler;
  }

  private static AuthenticationFailureHandler failureHandler(LoginThrottle throttle) {
    return (request, response, exception) -> {
      String reason = reason(exception);
      if (exception instanceof BadCredentialsException) {
        throttle.recordFailure(request.getRemoteAddr(), request.getParameter("username"));
      }
      response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason);
    };
  }

  /**
   * An expired contract is told (after the right password only); anything else (unknown name, no password yet)
   * reads as a wrong password. "locked" comes from the throttle alone, for any name alike.
   */
  static String reason(AuthenticationException exception) {
    if (exception instanceof AccountExpiredException) {
      return "expired";
    }
    return "credentials";
  }

  /** Refuses a login attempt with too many recent failures (its name from its address, or its address) unchecked. */
  private static final class ThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    ThrottleFilter(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod()) && (request.getContextPath() + LOGIN).equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (throttle.blocked(request.getRemoteAddr(), request.getParameter("username"))) {
        response.sendRedirect(request.getContextPath() + LOGIN + "?error=locked");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
