package cz.intouch.support.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adding a user to a group they are already in answers 204 and leaves the membership as it is.
 *
 * <p>The engine inserts a membership without looking, so a second add breaks the primary key of ACT_ID_MEMBERSHIP
 * and Admin (or {@code PUT /engine-rest/group/{id}/members/{userId}}) answers 500. The engine has no public hook
 * into how it stores memberships, so this filter answers the repeated call itself — after checking the caller's
 * right exactly as the engine would, so a caller without it still gets the engine's 403 and learns nothing about
 * who is a member. Like {@link JobChangeGuard} it runs after the authentication filters.
 */
final class ExistingMembership extends OncePerRequestFilter {

  private static final Pattern MEMBER_PATH = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine)(?:/engine/[^/]+)?/group/([^/]+)/members/([^/]+)$");

  private final Supplier<IdentityService> identityService;
  private final Supplier<AuthorizationService> authorizationService;

  ExistingMembership(Supplier<IdentityService> identityService, Supplier<AuthorizationService> authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("PUT".equals(request.getMethod())) {
      String path = request.getServletPath() + (request.getPathInfo() != null ? request.getPathInfo() : "");
      Matcher member = MEMBER_PATH.matcher(path);
      if (member.matches() && mayAddMembers(member.group(1)) && isMember(member.group(2), member.group(1))) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private boolean mayAddMembers(String groupId) {
    var caller = identityService.get().getCurrentAuthentication();
    if (caller == null) {
      return false;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return authorizationService.get().isUserAuthorized(caller.getUserId(), groups, Permissions.CREATE,
        Resources.GROUP_MEMBERSHIP, groupId);
  }

  private boolean isMember(String userId, String groupId) {
    return identityService.get().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).anyMatch(groupId::equals);
  }
}
