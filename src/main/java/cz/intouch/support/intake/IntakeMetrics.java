package cz.intouch.support.intake;

import cz.intouch.support.ticket.AfterCommit;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.MetricsSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What operators see of the intake (README "For operators"): tickets registered per channel, how long the oldest mail
 * has been waiting in the support INBOX, whether the poller still polls, and the quarantine an agent must look at.
 * The mailbox figures come from what the poller saw at its last poll; only the quarantine asks the database, cached.
 */
@Component
public class IntakeMetrics {

  private final Map<Channel, Counter> registered = new EnumMap<>(Channel.class);

  IntakeMetrics(MeterRegistry registry, MailboxPoller poller, MailIntakeStore store, MetricsSettings settings) {
    for (Channel channel : Channel.values()) {
      registered.put(channel, Counter.builder("support.tickets.registered")
          .description("Tickets registered, by the channel they came in; counted when the registration commits")
          .tag("channel", channel.name())
          .register(registry));
    }
    Gauge.builder("support.mail.intake.lag.seconds", poller,
            p -> p.oldestWaiting().map(IntakeMetrics::secondsSince).orElse(0.0))
        .description("Age of the oldest mail still in the support INBOX at the last poll (0 when it was empty)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("support.mail.intake.last.poll.age.seconds", poller, p -> secondsSince(p.lastPolledAt()))
        .description("Seconds since a poll last went through the support INBOX (since the start before the first)")
        .strongReference(true)
        .register(registry);
    Supplier<Long> waiting = settings.cached(store::quarantineWaiting);
    Gauge.builder("support.mail.quarantine.waiting", waiting, value -> value.get())
        .description("Quarantined mails waiting for an agent to open them as a ticket or discard them")
        .strongReference(true)
        .register(registry);
  }

  /** A ticket got its number: counted once its transaction commits. */
  void ticketRegistered(String channel) {
    Counter counter = registered.entrySet().stream().filter(known -> known.getKey().name().equals(channel))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    if (counter != null) { // a metric never fails a ticket, not even one started with a made-up channel
      AfterCommit.run(counter::increment);
    }
  }

  private static double secondsSince(Instant moment) {
    return Math.max(0, Duration.between(moment, DeskTime.now()).toMillis() / 1000.0);
  }
}
