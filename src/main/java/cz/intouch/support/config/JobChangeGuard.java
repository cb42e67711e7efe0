package cz.intouch.support.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.ticket.SupportStaff;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only administrators execute, retry or change jobs, and a refused call never reaches the engine.
 *
 * <p>The engine's {@code ExecuteJobsCmd} hands the job to its failure collector before it checks the caller's
 * permission, so a refused {@code POST .../job/{id}/execute} still counts as a failed attempt: three refusals
 * leave a timer (e.g. the SLA breach escalation) without retries and with an incident. The engine offers no
 * public hook to tell a refusal from a failure, so this filter stops such calls on the engine REST API and on
 * the webapps' copy of it. It runs after their authentication filters, which put the caller on the engine's
 * {@link IdentityService}.
 */
final class JobChangeGuard extends OncePerRequestFilter {

  /** Where the engine REST API sits: our /engine-rest and the webapps' /camunda/api/engine (Cockpit). */
  static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};

  private static final Pattern JOB_PATH = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine)(?:/engine/[^/]+)?(/job(?:-definition)?(?:/.*)?)$");
  /** Queries that Cockpit sends as POST: reads, not changes. */
  private static final Set<String> POSTED_QUERIES = Set.of("/job", "/job/count", "/job-definition",
      "/job-definition/count");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final Supplier<IdentityService> identityService;
  private final ObjectMapper objectMapper;

  JobChangeGuard(Supplier<IdentityService> identityService, ObjectMapper objectMapper) {
    this.identityService = identityService;
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (changesAJob(request) && !byAnAdministrator()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      // the engine REST API's own error shape
      objectMapper.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException",
          "message", "Úlohy (jobs) smí spouštět a měnit jen administrátor (" + SupportStaff.ADMINS + ")."));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean changesAJob(HttpServletRequest request) {
    if (READS.contains(request.getMethod())) {
      return false;
    }
    // servlet path and path info are decoded and normalised (no "//", no ";params"), unlike the request URI
    String path = request.getServletPath() + (request.getPathInfo() != null ? request.getPathInfo() : "");
    var match = JOB_PATH.matcher(path);
    if (!match.matches()) {
      return false;
    }
    return !("POST".equals(request.getMethod()) && POSTED_QUERIES.contains(match.group(1)));
  }

  private boolean byAnAdministrator() {
    var caller = identityService.get().getCurrentAuthentication();
    return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(SupportStaff.ADMINS);
  }
}
