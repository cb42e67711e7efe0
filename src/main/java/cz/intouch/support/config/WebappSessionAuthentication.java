package cz.intouch.support.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page of Camunda's webapps (a Tasklist or Cockpit plugin) read our /api with the session its user logged in
 * with, instead of HTTP Basic, which a plugin does not have.
 *
 * <p>Only for the requests {@code readable} matches, which must be GETs of endpoints that change nothing:
 * the webapps' CSRF filter does not cover /api, and a forged cross-site GET can only make the victim's browser fetch
 * a response the attacker's page cannot read (no CORS). Any other /api request still needs HTTP Basic.
 *
 * <p>The webapp keeps its login in the HTTP session; Camunda offers no public API to read it, so this reads it with
 * {@link AuthenticationUtil#getAuthsFromSession} (camunda-webapp, {@code impl} package) and takes only the user id
 * from there. The user's existence and groups come fresh from the engine's public {@link IdentityService} on every
 * request, so a deleted user or a removed group membership takes effect at once. A session without a Camunda
 * login, e.g. a customer's extranet session (same JSESSIONID cookie, different login), authenticates nobody.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

  private final RequestMatcher readable;
  private final IdentityService identityService;
  private final String engineName;

  WebappSessionAuthentication(RequestMatcher readable, IdentityService identityService, String engineName) {
    this.readable = readable;
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && "GET".equals(request.getMethod()) && readable.matches(request)
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      String userId = webappUser(session);
      if (userId != null && identityService.createUserQuery().userId(userId).count() == 1) {
        List<SimpleGrantedAuthority> roles = identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId).map(groupId -> new SimpleGrantedAuthority("ROLE_" + groupId)).toList();
        // the API chain is stateless: this holds for this request only, nothing is stored in the session
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(userId, null, roles));
      }
    }
    chain.doFilter(request, response);
  }

  private String webappUser(HttpSession session) {
    // looked up first: getAuthsFromSession would put an empty login into any other session, e.g. the extranet's
    boolean webappLogin = Collections.list(session.getAttributeNames()).stream().map(session::getAttribute)
        .anyMatch(Authentications.class::isInstance);
    if (!webappLogin) {
      return null;
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName);
    return authentication == null ? null : authentication.getIdentityId();
  }
}
