package cz.intouch.support.mail;

import cz.intouch.support.ticket.MetricsSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What operators see of outgoing mail (README "For operators"): the outbox backlog, mails the SMTP server did not
 * take, and the mail steps that gave up and wait as incidents. The gauges' queries are cached.
 */
@Component
public class MailMetrics {

  private final Map<MessageKind, Counter> sendFailures = new EnumMap<>(MessageKind.class);

  MailMetrics(MeterRegistry registry, Outbox outbox, MailJobRecovery recovery, MetricsSettings settings) {
    for (MessageKind kind : MessageKind.values()) {
      sendFailures.put(kind, Counter.builder("support.mail.send.failures")
          .description("Attempts to send a mail that the SMTP server did not accept (each retry counts)")
          .tag("kind", kind.name())
          .register(registry));
    }
    Supplier<Long> pending = settings.cached(outbox::pending);
    Gauge.builder("support.mail.outbox.pending", pending, value -> value.get())
        .description("Outgoing mails recorded but not yet accepted by the SMTP server (PENDING)")
        .strongReference(true)
        .register(registry);
    Supplier<Integer> failedSteps = settings.cached(recovery::failedMailSteps);
    Gauge.builder("support.mail.failed.steps", failedSteps, value -> value.get())
        .description("Mail steps out of retries after a send failure, waiting as incidents in Cockpit")
        .strongReference(true)
        .register(registry);
  }

  /**
   * The SMTP server did not take a mail. Counted at once, not after a commit: the attempt happened even though the
   * step that made it rolls back.
   */
  void sendFailed(MessageKind kind) {
    sendFailures.get(kind).increment();
  }
}
