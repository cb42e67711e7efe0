package cz.intouch.support.sla;

import cz.intouch.support.ticket.AfterCommit;
import cz.intouch.support.ticket.Urgency;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SLA warnings and breaches per urgency, for operators (README "For operators"). Counted when the notification step
 * commits, so a step retried after an SMTP outage counts once.
 */
@Component
public class SlaMetrics {

  private final Map<Urgency, Counter> warnings = new EnumMap<>(Urgency.class);
  private final Map<Urgency, Counter> breaches = new EnumMap<>(Urgency.class);

  SlaMetrics(MeterRegistry registry) {
    for (Urgency urgency : Urgency.values()) {
      warnings.put(urgency, Counter.builder("support.sla.warnings")
          .description("SLA warnings sent: a ticket's deadline for initiating resolution is near")
          .tag("urgency", urgency.name())
          .register(registry));
      breaches.put(urgency, Counter.builder("support.sla.breaches")
          .description("SLA deadlines missed: the ticket was escalated to second-level support")
          .tag("urgency", urgency.name())
          .register(registry));
    }
  }

  void warned(Object urgency) {
    count(warnings, urgency);
  }

  void breached(Object urgency) {
    count(breaches, urgency);
  }

  private static void count(Map<Urgency, Counter> counters, Object urgency) {
    // a metric never fails the step: an urgency that is not one of the four is simply not counted
    Arrays.stream(Urgency.values()).filter(known -> known.name().equals(urgency)).findFirst()
        .ifPresent(known -> AfterCommit.run(counters.get(known)::increment));
  }
}
