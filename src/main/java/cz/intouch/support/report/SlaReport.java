package cz.intouch.support.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import cz.intouch.support.ticket.Urgency;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The SLA figures of the managers' dashboard ({@code GET /api/reports/sla}), all of the support process
 * {@code supportRequest}. "Started" means the agent completed "Zahájit řešení" (active resolution initiated);
 * a ticket met its SLA when that happened by {@code slaDeadline}.
 */
public record SlaReport(OffsetDateTime generatedAt, Open open, List<WaitingTicket> warningPassed,
    List<WaitingTicket> breached, Compliance compliance, TimeToStart timeToStart, CosmeticBacklog cosmeticBacklog) {

  /** The Czech names of the urgency codes, so the dashboard shows what agents and customers read. */
  @JsonProperty
  public Map<String, String> urgencyNames() {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    for (Urgency urgency : Urgency.values()) {
      names.put(urgency.name(), urgency.czech());
    }
    return names;
  }

  /** Running tickets by urgency (code, or "UNKNOWN" before triage) and by candidate group of their open tasks. */
  public record Open(int total, Map<String, Integer> byUrgency, Map<String, Integer> byCandidateGroup) {}

  /** A ticket still waiting at "Zahájit řešení", with the link to its process instance in Cockpit. */
  public record WaitingTicket(String ticketNumber, String companyName, String urgency, OffsetDateTime slaDeadline,
      String processInstanceId, String cockpitPath) {}

  /** Tickets whose deadline fell in the period: started by it ({@code met}) or not ({@code breached}). */
  public record Share(int met, int breached) {
    @JsonProperty
    public int decided() {
      return met + breached;
    }

    /** Per cent met, one decimal; null when no ticket's deadline was decided in the period. */
    @JsonProperty
    public Double percent() {
      return decided() == 0 ? null : Math.round(1000.0 * met / decided()) / 10.0;
    }
  }

  public record Week(LocalDate weekStart, Share share) {}

  public record UrgencyShare(String urgency, Share share) {}

  /** The last 12 weeks (Monday to Sunday in Prague, this week last), by the week of the deadline. */
  public record Compliance(LocalDate from, LocalDate until, Share total, List<Week> weeks, List<UrgencyShare> byUrgency) {}

  /** Receipt to start of resolution, over the tickets started in the compliance period; null without any. */
  public record TimeToStart(int tickets, Long medianMinutes, Long p90Minutes) {}

  public record PlannedRelease(String version, LocalDate plannedOn, int tickets, int fixed) {}

  public record CosmeticBacklog(List<PlannedRelease> releases, int unassigned) {}
}
