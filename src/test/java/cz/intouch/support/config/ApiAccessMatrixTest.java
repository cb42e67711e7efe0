package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what on /api, walked endpoint by endpoint and user by user over real HTTP: anonymous gets 401, a
 * role without the right 403 (and nothing happens), a role with it anything but 401/403 (2xx, or 4xx for the
 * request itself). The table is the README's "Who may call what".
 */
@SupportDeskTest
class ApiAccessMatrixTest {

  private static final String ADMIN = "admin";
  private static final String AGENT = "agent";
  private static final String SPECIALIST = "specialist";
  private static final String MANAGER = "manager";
  private static final List<String> USERS = List.of(ADMIN, AGENT, SPECIALIST, MANAGER);

  record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final String NO_SUCH_TICKET = "TS-2026-999999";

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("POST", "/api/triage", "application/json", """
          {"subject": "Dotaz", "body": "Jak vyexportuji kontakty do Excelu?", "channel": "EMAIL",
           "receivedAt": "%s"}""".formatted(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)),
          Set.of(ADMIN, AGENT, SPECIALIST, MANAGER)),
      new Endpoint("POST", "/api/tickets", "application/json", """
          {"channel": "WEB", "subject": "Dotaz na export", "body": "Jak vyexportuji kontakty do Excelu?",
           "contactEmail": "jan.novak@strojirny-horice.cz"}""", Set.of(ADMIN, AGENT, SPECIALIST)),
      new Endpoint("GET", "/api/tickets/" + NO_SUCH_TICKET, null, null, Set.of(ADMIN, AGENT, SPECIALIST, MANAGER)),
      // the Tasklist tab "Konverzace" (also with the webapp session, see WebappSessionApiTest)
      new Endpoint("GET", "/api/tickets/" + NO_SUCH_TICKET + "/conversation", null, null,
          Set.of(ADMIN, AGENT, SPECIALIST, MANAGER)),
      new Endpoint("GET", "/api/tickets/" + NO_SUCH_TICKET + "/attachments/1", null, null,
          Set.of(ADMIN, AGENT, SPECIALIST, MANAGER)),
      new Endpoint("GET", "/api/releases", null, null, Set.of(ADMIN, AGENT, SPECIALIST, MANAGER)),
      new Endpoint("POST", "/api/releases/5.4.0/tickets/" + NO_SUCH_TICKET, null, null, Set.of(ADMIN, AGENT)),
      new Endpoint("POST", "/api/sla/recalculate", null, null, Set.of(ADMIN, MANAGER)),
      new Endpoint("POST", "/api/customers/import", "text/csv",
          "company_id,company_name,contract_valid_until,contact_name,contact_email,contact_phone\n",
          Set.of(ADMIN, MANAGER)),
      // the managers' dashboard figures of the contract
      new Endpoint("GET", "/api/reports/sla", null, null, Set.of(ADMIN, MANAGER)),
      // anything not in the table is for administrators only
      new Endpoint("POST", "/api/test/errors/json", "application/json", "{\"subject\": \"Test\"}", Set.of(ADMIN)));

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  static Stream<Arguments> calls() {
    return ENDPOINTS.stream().flatMap(endpoint -> Stream.concat(Stream.of((String) null), USERS.stream())
        .map(user -> Arguments.of(endpoint, user)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("calls")
  void eachRoleGetsWhatTheTableSays(Endpoint endpoint, String user) throws Exception {
    HttpResponse<String> response = new StaffHttp(port).send(endpoint.method(), endpoint.path(), user,
        endpoint.contentType(), endpoint.body());
    if (user == null) {
      assertThat(response.statusCode()).isEqualTo(401);
    } else if (endpoint.allowed().contains(user)) {
      assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403).isLessThan(500);
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(response.body()).contains("\"error\":\"forbidden\"");
    }
  }

  @Test
  void theTableCoversEveryApiEndpoint() {
    List<String> inTable = ENDPOINTS.stream().map(Endpoint::toString).toList();
    List<String> served = mappings.getHandlerMethods().keySet().stream()
        .flatMap(info -> info.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
            .filter(path -> !path.startsWith("/api/test/")) // ApiErrorsProbeController, tests only
            .flatMap(path -> info.getMethodsCondition().getMethods().stream().map(method -> method + " " + path)))
        .toList();
    assertThat(served).isNotEmpty().allSatisfy(endpoint -> assertThat(inTable)
        .anyMatch(row -> matches(row, endpoint)));
  }

  /** "POST /api/releases/5.4.0/tickets/TS-…" is a row for "POST /api/releases/{version}/tickets/{ticketNumber}". */
  private static boolean matches(String row, String endpoint) {
    return row.matches(endpoint.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
  }
}
