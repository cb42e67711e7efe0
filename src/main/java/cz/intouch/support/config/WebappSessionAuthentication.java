package cz.intouch.support.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Cockpit dashboard read {@code GET /api/reports/**} with the user's Camunda webapp session: the browser
 * sends the webapp's session cookie, not Basic credentials. Only for reads of the reports, so no state-changing
 * request can ride on the cookie (the /api chain has no CSRF protection, being Basic-only otherwise); the roles
 * come from the user's groups as they are now, not as cached in the session, and the access table decides as for
 * Basic. Camunda keeps the webapp login in the session attribute {@code authenticatedUser} (an
 * {@link Authentications}, one per engine); the webapps offer no public API for it, so this reads the attribute
 * and never writes it.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  /** Where {@code org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil} keeps the webapp login. */
  static final String WEBAPP_SESSION_ATTRIBUTE = "authenticatedUser";

  private final RequestMatcher reports = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.GET, "/api/reports/**");
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
  private final ProcessEngine engine;

  WebappSessionAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (reports.matches(request) && contexts.getContext().getAuthentication() == null) {
      String userId = webappUser(request.getSession(false));
      if (userId != null) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).count() == 1) {
          List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(userId).list().stream()
              .map(Group::getId).map(groupId -> new SimpleGrantedAuthority("ROLE_" + groupId)).toList();
          SecurityContext context = contexts.createEmptyContext();
          context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, roles));
          contexts.setContext(context);
        }
      }
    }
    chain.doFilter(request, response);
  }

  private String webappUser(HttpSession session) {
    if (session == null || !(session.getAttribute(WEBAPP_SESSION_ATTRIBUTE) instanceof Authentications logins)) {
      return null;
    }
    Authentication login = logins.getAuthenticationForProcessEngine(engine.getName());
    return login == null ? null : login.getIdentityId();
  }
}
