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
import org.springframework.security.authentication.LockedException;
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
 * from the staff's Camunda identities. Session cookie with CSRF protection, a new session id at login, per-account
 * lock-out and per-address throttling of failed logins, strict security headers.
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
            .successHandler(successHandler(accounts))
            .failureHandler(failureHandler(accounts, throttle)))
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
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::loadUser);
    provider.setPasswordEncoder(ExtranetAccounts.PASSWORDS);
    // the contract is checked only after a correct password, so it tells a stranger nothing
    provider.setPostAuthenticationChecks(user -> {
      if (!((ExtranetUser) user).contractValid()) {
        throw new AccountExpiredException("contract expired");
      }
    });
    return provider;
  }

  private static SavedRequestAwareAuthenticationSuccessHandler successHandler(ExtranetAccounts accounts) {
    SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
          org.springframework.security.core.Authentication authentication) throws ServletException, IOException {
        accounts.recordSuccessfulLogin(authentication.getName());
        super.onAuthenticationSuccess(request, response, authentication);
      }
    };
    handler.setDefaultTargetUrl("/extranet/releases");
    return handler;
  }

  private static AuthenticationFailureHandler failureHandler(ExtranetAccounts accounts, LoginThrottle throttle) {
    return (request, response, exception) -> {
      String reason = reason(exception);
      if (exception instanceof BadCredentialsException) {
        accounts.recordFailedLogin(request.getParameter("username"));
        throttle.recordFailure(request.getRemoteAddr());
      }
      response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason);
    };
  }

  /** Expired and locked are told; anything else (unknown name, no password yet) reads as a wrong password. */
  static String reason(AuthenticationException exception) {
    if (exception instanceof AccountExpiredException) {
      return "expired";
    }
    if (exception instanceof LockedException) {
      return "locked";
    }
    return "credentials";
  }

  /** Refuses login attempts from an address with too many recent failures before any password is checked. */
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
      if (throttle.blocked(request.getRemoteAddr())) {
        response.sendRedirect(request.getContextPath() + LOGIN + "?error=locked");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
