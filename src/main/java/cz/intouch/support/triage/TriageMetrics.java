package cz.intouch.support.triage;

import static cz.intouch.support.ticket.TicketVariables.CHANNEL;
import static cz.intouch.support.ticket.TicketVariables.STATUS;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;
import static cz.intouch.support.ticket.TicketVariables.URGENCY;

import cz.intouch.support.ticket.AfterCommit;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.MetricsSettings;
import cz.intouch.support.ticket.TicketStatus;
import cz.intouch.support.ticket.Urgency;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Tickets by urgency, for operators (README "For operators"). Urgency is known only after triage, so tickets are
 * counted twice, by the capability that knows each fact: registered per channel by the intake, classified per channel
 * and urgency here, as the ticket leaves "Určit naléhavost" (a take listener on {@code Flow_ToMergeReclassified}: the
 * task's end listeners run before its output mapping sets {@code urgency}).
 * A ticket refused before triage (unidentified, out of scope) is registered but never classified; a reclassification
 * is not a second classification. Open tickets per urgency are counted by engine queries, cached.
 */
@Component("triageMetrics")
public class TriageMetrics {

  /** The urgency tag of open tickets that have not been through triage yet (identification, refusal). */
  static final String UNCLASSIFIED = "UNCLASSIFIED";

  private final Map<String, Counter> classified = new HashMap<>();
  private final RuntimeService runtime;

  TriageMetrics(MeterRegistry registry, RuntimeService runtime, MetricsSettings settings) {
    this.runtime = runtime;
    for (Channel channel : Channel.values()) {
      for (Urgency urgency : Urgency.values()) {
        classified.put(key(channel.name(), urgency.name()), Counter.builder("support.tickets.classified")
            .description("Tickets classified by triage, by channel and urgency; counted when the step commits")
            .tags("channel", channel.name(), "urgency", urgency.name())
            .register(registry));
      }
    }
    Supplier<Map<String, Long>> open = settings.cached(this::openByUrgency);
    for (String urgency : urgencyTags()) {
      Gauge.builder("support.tickets.open", open, counts -> counts.get().get(urgency))
          .description("Tickets not yet resolved, by urgency (" + UNCLASSIFIED + ": before triage)")
          .tag("urgency", urgency)
          .strongReference(true)
        .register(registry);
    }
  }

  /** Take listener of the flow out of the urgency decision in {@code bpmn/support-request.bpmn}. */
  public void classified(DelegateExecution execution) {
    Counter counter = classified.get(key(execution.getVariable(CHANNEL), execution.getVariable(URGENCY)));
    if (counter != null) { // a metric never fails the step, whatever the variables hold
      AfterCommit.run(counter::increment);
    }
  }

  /**
   * Running tickets whose status is not RESOLVED (a resolved ticket only waits for a possible reopening), per urgency;
   * those without an urgency yet are the rest. One count per urgency, on the engine's public query API.
   */
  private Map<String, Long> openByUrgency() {
    Map<String, Long> counts = new HashMap<>();
    long classifiedOpen = 0;
    for (Urgency urgency : Urgency.values()) {
      long count = runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
          .variableValueEquals(URGENCY, urgency.name())
          .variableValueNotEquals(STATUS, TicketStatus.RESOLVED.name())
          .count();
      counts.put(urgency.name(), count);
      classifiedOpen += count;
    }
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).count();
    long resolved = runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
        .variableValueEquals(STATUS, TicketStatus.RESOLVED.name()).count();
    counts.put(UNCLASSIFIED, Math.max(0, running - resolved - classifiedOpen));
    return counts;
  }

  private static List<String> urgencyTags() {
    return Stream.concat(Arrays.stream(Urgency.values()).map(Enum::name), Stream.of(UNCLASSIFIED)).toList();
  }

  private static String key(Object channel, Object urgency) {
    return channel + "/" + urgency;
  }
}
