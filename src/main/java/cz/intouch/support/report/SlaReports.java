package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketMessages.timestamp;

import cz.intouch.support.release.ReleaseRegister;
import cz.intouch.support.report.SlaReport.Compliance;
import cz.intouch.support.report.SlaReport.CosmeticBacklog;
import cz.intouch.support.report.SlaReport.Open;
import cz.intouch.support.report.SlaReport.PlannedRelease;
import cz.intouch.support.report.SlaReport.Share;
import cz.intouch.support.report.SlaReport.TimeToStart;
import cz.intouch.support.report.SlaReport.UrgencyShare;
import cz.intouch.support.report.SlaReport.WaitingTicket;
import cz.intouch.support.report.SlaReport.Week;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.SupportStaff;
import cz.intouch.support.ticket.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the SLA figures with four SQL queries over sd_sla_ticket, the report's own row per ticket kept by
 * {@link SlaTickets} in the engine's transaction, and two over the release register, never loading tickets into
 * Java: each query reads the open tickets or the 12-week window through the index named at it (V19__sla_ticket.sql),
 * so the report stays fast at 100k tickets. Plain SQL that H2 and PostgreSQL both run.
 *
 * <p>The deadline compared is the due date of the ticket's latest "Zahájit řešení" task: the model sets it to
 * {@code ${slaDeadline}} and {@code SlaRecalculation} moves both together. A reclassified ticket had one such task
 * per classification; only its latest counts (the earlier ones ended with the reclassification, not with the start
 * of resolution), which is the one its row describes.
 */
@Service
public class SlaReports {

  /** Weeks of the compliance chart and of the time-to-start figures, this week included. */
  static final int WEEKS = 12;
  static final String UNKNOWN_URGENCY = "UNKNOWN";
  static final List<String> CANDIDATE_GROUPS = List.of(SupportStaff.AGENTS, SupportStaff.SPECIALISTS);

  private static final String NOT_COSMETIC = " AND (urgency IS NULL OR urgency <> '" + Urgency.COSMETIC.name() + "')";

  private final JdbcTemplate jdbc;
  private final ReleaseRegister releases;

  public SlaReports(JdbcTemplate jdbc, ReleaseRegister releases) {
    this.jdbc = jdbc;
    this.releases = releases;
  }

  @Transactional(readOnly = true)
  public SlaReport report() {
    Instant now = DeskTime.now();
    LocalDate thisWeek = DeskTime.dateOf(now).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate from = thisWeek.minusWeeks(WEEKS - 1);
    LocalDate until = thisWeek.plusWeeks(1);
    return new SlaReport(offset(now), open(), waiting(now, false), waiting(now, true),
        compliance(now, from, until), timeToStart(now, from), cosmeticBacklog());
  }

  /** Open tickets by urgency and by the groups their open tasks are offered to: sd_sla_ticket_open alone. */
  private Open open() {
    Map<String, Integer> byUrgency = new LinkedHashMap<>();
    for (Urgency urgency : Urgency.values()) {
      byUrgency.put(urgency.name(), 0);
    }
    Map<String, Integer> byGroup = new LinkedHashMap<>();
    CANDIDATE_GROUPS.forEach(group -> byGroup.put(group, 0));
    jdbc.query("SELECT urgency, COUNT(*) AS tickets, SUM(CASE WHEN for_agents THEN 1 ELSE 0 END) AS agents,"
            + " SUM(CASE WHEN for_specialists THEN 1 ELSE 0 END) AS specialists FROM sd_sla_ticket"
            + " WHERE closed_at IS NULL GROUP BY urgency",
        rs -> {
          String urgency = rs.getString("urgency");
          byUrgency.merge(urgency == null ? UNKNOWN_URGENCY : urgency, rs.getInt("tickets"), Integer::sum);
          byGroup.merge(SupportStaff.AGENTS, rs.getInt("agents"), Integer::sum);
          byGroup.merge(SupportStaff.SPECIALISTS, rs.getInt("specialists"), Integer::sum);
        });
    int total = byUrgency.values().stream().mapToInt(Integer::intValue).sum();
    return new Open(total, byUrgency, byGroup);
  }

  /**
   * Tickets waiting at "Zahájit řešení": past their deadline ({@code breached}, sd_sla_ticket_breached), or past
   * the warning and not yet the deadline (sd_sla_ticket_warned).
   */
  private List<WaitingTicket> waiting(Instant now, boolean breached) {
    String condition = breached ? " AND deadline < ?" : " AND warning_at <= ? AND deadline >= ?";
    Object[] args = breached ? new Object[] {timestamp(now)} : new Object[] {timestamp(now), timestamp(now)};
    return jdbc.query("SELECT process_instance_id, ticket_number, company_name, urgency, deadline FROM sd_sla_ticket"
            + " WHERE waiting = TRUE" + condition + " ORDER BY deadline, ticket_number",
        (rs, row) -> new WaitingTicket(rs.getString("ticket_number"), rs.getString("company_name"),
            rs.getString("urgency"), offset(instant(rs, "deadline")), rs.getString("process_instance_id"),
            cockpitPath(rs.getString("process_instance_id"))),
        args);
  }

  /**
   * Met and breached deadlines by week of the deadline and urgency. A deadline still ahead with the task open is
   * not decided yet and counts nowhere. sd_sla_ticket_deadline bounds the scan to the window.
   */
  private Compliance compliance(Instant now, LocalDate from, LocalDate until) {
    StringBuilder week = new StringBuilder("CASE");
    List<Object> args = new ArrayList<>();
    for (int index = 0; index < WEEKS; index++) {
      week.append(" WHEN deadline < ? THEN ").append(index);
      args.add(timestamp(startOf(from.plusWeeks(index + 1))));
    }
    week.append(" END");
    args.addAll(List.of(timestamp(now), timestamp(startOf(from)), timestamp(startOf(until))));

    int[][] met = new int[WEEKS][Urgency.values().length];
    int[][] missed = new int[WEEKS][Urgency.values().length];
    jdbc.query("SELECT week_index, urgency, SUM(met) AS met, SUM(breached) AS breached FROM (SELECT " + week
            + " AS week_index, urgency,"
            + " CASE WHEN started_at <= deadline THEN 1 ELSE 0 END AS met,"
            // late: started after the deadline, still waiting past it, or cancelled after it
            + " CASE WHEN initiation_ended_at > deadline OR (waiting = TRUE AND deadline < ?)"
            + " THEN 1 ELSE 0 END AS breached"
            + " FROM sd_sla_ticket WHERE deadline >= ? AND deadline < ?" + NOT_COSMETIC + ") x"
            + " GROUP BY week_index, urgency",
        rs -> {
          String urgency = rs.getString("urgency");
          if (urgency == null || !Urgency.isKnown(urgency)) {
            return;
          }
          int u = Urgency.valueOf(urgency).ordinal();
          met[rs.getInt("week_index")][u] += rs.getInt("met");
          missed[rs.getInt("week_index")][u] += rs.getInt("breached");
        }, args.toArray());
    List<Week> weeks = new ArrayList<>();
    int totalMet = 0;
    int totalMissed = 0;
    for (int index = 0; index < WEEKS; index++) {
      int weekMet = 0;
      int weekMissed = 0;
      for (int u = 0; u < Urgency.values().length; u++) {
        weekMet += met[index][u];
        weekMissed += missed[index][u];
      }
      weeks.add(new Week(from.plusWeeks(index), new Share(weekMet, weekMissed)));
      totalMet += weekMet;
      totalMissed += weekMissed;
    }
    List<UrgencyShare> byUrgency = new ArrayList<>();
    for (Urgency urgency : Urgency.values()) {
      if (urgency == Urgency.COSMETIC) {
        continue; // no deadline: fixed in the next release
      }
      int urgencyMet = 0;
      int urgencyMissed = 0;
      for (int index = 0; index < WEEKS; index++) {
        urgencyMet += met[index][urgency.ordinal()];
        urgencyMissed += missed[index][urgency.ordinal()];
      }
      byUrgency.add(new UrgencyShare(urgency.name(), new Share(urgencyMet, urgencyMissed)));
    }
    return new Compliance(from, until.minusDays(1), new Share(totalMet, totalMissed), weeks, byUrgency);
  }

  /**
   * Median and 90th percentile from receipt ({@code receivedAt}) to the start of resolution, over the tickets
   * started in the window (sd_sla_ticket_started), percentiles in Java. Interpolated between neighbours as
   * PERCENTILE_CONT / Excel's PERCENTIL.INC do.
   */
  private TimeToStart timeToStart(Instant now, LocalDate from) {
    List<Long> minutes = jdbc.query("SELECT started_at, received_at FROM sd_sla_ticket"
            + " WHERE started_at >= ? AND started_at <= ? AND received_at IS NOT NULL" + NOT_COSMETIC,
        (rs, row) -> Duration.between(instant(rs, "received_at"), instant(rs, "started_at")).toMinutes(),
        timestamp(startOf(from)), timestamp(now));
    if (minutes.isEmpty()) {
      return new TimeToStart(0, null, null);
    }
    List<Long> sorted = minutes.stream().sorted().toList();
    return new TimeToStart(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
  }

  static long percentile(List<Long> sorted, double fraction) {
    double position = fraction * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.size() - 1);
    return Math.round(sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below)));
  }

  private CosmeticBacklog cosmeticBacklog() {
    return new CosmeticBacklog(releases.plannedBacklog().stream().map(release -> new PlannedRelease(
        release.version().toString(), release.plannedOn(), release.tickets(), release.fixed())).toList(),
        releases.unassignedTickets());
  }

  /** Where the dashboard links a ticket: its process instance in Cockpit (below the webapps' root). */
  static String cockpitPath(String processInstanceId) {
    return "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(DeskTime.ZONE).toInstant();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant.atZone(DeskTime.ZONE).toOffsetDateTime();
  }
}
