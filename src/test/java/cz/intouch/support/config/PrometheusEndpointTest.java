package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** /actuator/prometheus is the administrators' (contract): never anonymous, not for agents or managers. */
@SupportDeskTest
@AutoConfigureObservability(tracing = false) // Spring Boot tests leave the Prometheus registry out otherwise
@TestPropertySource(properties = "support.metrics.gauge-cache=0s") // the context of OperatorMetricsTest
class PrometheusEndpointTest {

  /** Every metric of README "For operators". */
  static final List<String> DESK_METRICS = List.of("support_tickets_registered_total", "support_tickets_classified_total",
      "support_tickets_open", "support_sla_warnings_total", "support_sla_breaches_total",
      "support_mail_intake_lag_seconds", "support_mail_intake_last_poll_age_seconds", "support_mail_quarantine_waiting",
      "support_mail_outbox_pending", "support_mail_send_failures_total", "support_mail_failed_steps",
      "support_jobs_due", "support_jobs_failed");

  @LocalServerPort int port;

  @Test
  void anonymousCallersAreAskedToAuthenticate() throws Exception {
    HttpResponse<String> anonymous = http().send("GET", "/actuator/prometheus", null, null, null);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
    assertThat(anonymous.body()).doesNotContain("support_");
  }

  @Test
  void staffOtherThanAdministratorsAreRefused() throws Exception {
    for (String user : List.of("agent", "specialist", "manager")) {
      HttpResponse<String> refused = http().send("GET", "/actuator/prometheus", user, null, null);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).as(user).doesNotContain("support_");
    }
  }

  @Test
  void administratorsGetEveryMetricOfTheDesk() throws Exception {
    HttpResponse<String> scrape = http().send("GET", "/actuator/prometheus", "admin", null, null);

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    for (String metric : DESK_METRICS) {
      assertThat(scrape.body()).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
      assertThat(scrape.body()).as(metric + " has a description").containsPattern("(?m)^# HELP " + metric + " \\S");
    }
  }

  private StaffHttp http() {
    return new StaffHttp(port);
  }
}
