package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketVariables.COMPANY_NAME;
import static cz.intouch.support.ticket.TicketVariables.INITIATE_RESOLUTION_TASK;
import static cz.intouch.support.ticket.TicketVariables.RECEIVED_AT;
import static cz.intouch.support.ticket.TicketVariables.SLA_WARNING_AT;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;
import static cz.intouch.support.ticket.TicketVariables.URGENCY;

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
import java.sql.Timestamp;
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
 * Computes the SLA figures with five SQL queries over Camunda's history, one over the open work and two over the
 * release register, never loading tickets into Java: each query reads only the open tickets or the 12-week window,
 * through the indexes named at each query, so the report stays fast at 100k tickets. Plain SQL that H2 and
 * PostgreSQL both run.
 *
 * <p>The deadline compared is the due date of the ticket's "Zahájit řešení" task: the model sets it to
 * {@code ${slaDeadline}} and {@code SlaRecalculation} moves both together, so "started by the deadline" is a
 * comparison within one row of ACT_HI_TASKINST. A reclassified ticket had one such task per classification; only its
 * latest counts (the earlier ones ended with the reclassification, not with the start of resolution).
 */
@Service
public class SlaReports {

  /** Weeks of the compliance chart and of the time-to-start figures, this week included. */
  static final int WEEKS = 12;
  static final String UNKNOWN_URGENCY = "UNKNOWN";
  static final List<String> CANDIDATE_GROUPS = List.of(SupportStaff.AGENTS, SupportStaff.SPECIALISTS);

  /**
   * How long before its deadline a "Zahájit řešení" task may start, or its warning come, at most (seven days plus
   * holidays and closures, with room to spare): bounds the window on START_TIME_ before DUE_DATE_, and the warnings.
   */
  private static final Duration LONGEST_SLA = Duration.ofDays(31);

  /** A process-scope variable of the ticket (history keeps deleted ones too; a task-local one lives elsewhere). */
  private static String variable(String alias, String processInstanceId) {
    return " LEFT JOIN ACT_HI_VARINST " + alias + " ON " + alias + ".PROC_INST_ID_ = " + processInstanceId
        + " AND " + alias + ".NAME_ = ? AND " + alias + ".EXECUTION_ID_ = " + alias + ".PROC_INST_ID_"
        + " AND " + alias + ".STATE_ = 'CREATED'";
  }

  /** The ticket's latest "Zahájit řešení" task (ACT_IDX_HI_TASKINST_PROCINST for the correlated look-up). */
  private static final String LATEST_INITIATION = " AND NOT EXISTS (SELECT 1 FROM ACT_HI_TASKINST later"
      + " WHERE later.PROC_INST_ID_ = t.PROC_INST_ID_ AND later.TASK_DEF_KEY_ = t.TASK_DEF_KEY_"
      + " AND later.START_TIME_ > t.START_TIME_)";

  private static final String NOT_COSMETIC = " AND (u.TEXT_ IS NULL OR u.TEXT_ <> '" + Urgency.COSMETIC.name() + "')";

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

  private Open open() {
    Map<String, Integer> byUrgency = new LinkedHashMap<>();
    for (Urgency urgency : Urgency.values()) {
      byUrgency.put(urgency.name(), 0);
    }
    // ACT_IDX_HI_PRO_INST_END (END_TIME_ IS NULL: the running instances only), ACT_IDX_HI_VAR_PI_NAME_TYPE
    jdbc.query("SELECT u.TEXT_ AS urgency, COUNT(*) AS tickets FROM ACT_HI_PROCINST p" + variable("u", "p.ID_")
            + " WHERE p.END_TIME_ IS NULL AND p.PROC_DEF_KEY_ = ? GROUP BY u.TEXT_",
        rs -> {
          String urgency = rs.getString("urgency");
          byUrgency.merge(urgency == null ? UNKNOWN_URGENCY : urgency, rs.getInt("tickets"), Integer::sum);
        }, URGENCY, SUPPORT_REQUEST);
    int total = byUrgency.values().stream().mapToInt(Integer::intValue).sum();

    Map<String, Integer> byGroup = new LinkedHashMap<>();
    CANDIDATE_GROUPS.forEach(group -> byGroup.put(group, 0));
    // the open work is in the runtime tables, which hold nothing else: ACT_IDX_IDENT_LNK_GROUP, the identity
    // links' index on TASK_ID_ (foreign key ACT_FK_TSKASS_TASK) and ACT_RE_PROCDEF's primary key
    jdbc.query("SELECT l.GROUP_ID_ AS candidate_group, COUNT(DISTINCT t.PROC_INST_ID_) AS tickets FROM ACT_RU_TASK t"
            + " JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
            + " WHERE d.KEY_ = ? AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IN (?, ?) GROUP BY l.GROUP_ID_",
        rs -> {
          byGroup.put(rs.getString("candidate_group"), rs.getInt("tickets"));
        }, SUPPORT_REQUEST, CANDIDATE_GROUPS.get(0), CANDIDATE_GROUPS.get(1));
    return new Open(total, byUrgency, byGroup);
  }

  /**
   * Tickets waiting at "Zahájit řešení": past their deadline ({@code breached}), or past the warning and not yet
   * the deadline. On PostgreSQL sd_hi_task_open_due (open tasks by deadline) and sd_hi_var_warning, elsewhere
   * ACT_IDX_HI_TASK_INST_END (END_TIME_ IS NULL: open tasks only); ACT_HI_PROCINST's primary key,
   * ACT_IDX_HI_VAR_PI_NAME_TYPE.
   */
  private List<WaitingTicket> waiting(Instant now, boolean breached) {
    Timestamp at = Timestamp.from(now);
    // a warning comes at most LONGEST_SLA before its deadline: with the deadline ahead, the warning passed within
    // that span, which bounds the look-up of the warnings (sd_hi_var_warning) to the recent ones
    String condition = breached ? " AND t.DUE_DATE_ < ?" : " AND t.DUE_DATE_ >= ? AND w.LONG_ <= ? AND w.LONG_ > ?";
    List<Object> args = new ArrayList<>(List.of(COMPANY_NAME, URGENCY, SLA_WARNING_AT, SUPPORT_REQUEST,
        INITIATE_RESOLUTION_TASK, at));
    if (!breached) {
      args.add(now.toEpochMilli());
      args.add(now.minus(LONGEST_SLA).toEpochMilli());
    }
    return jdbc.query("SELECT t.PROC_INST_ID_, p.BUSINESS_KEY_, c.TEXT_ AS company, u.TEXT_ AS urgency, t.DUE_DATE_"
            + " FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_"
            + variable("c", "t.PROC_INST_ID_") + variable("u", "t.PROC_INST_ID_") + variable("w", "t.PROC_INST_ID_")
            + " WHERE t.END_TIME_ IS NULL AND t.PROC_DEF_KEY_ = ? AND t.TASK_DEF_KEY_ = ?" + condition
            + " ORDER BY t.DUE_DATE_, p.BUSINESS_KEY_",
        (rs, row) -> new WaitingTicket(rs.getString("BUSINESS_KEY_"), rs.getString("company"),
            rs.getString("urgency"), offset(rs.getTimestamp("DUE_DATE_").toInstant()), rs.getString("PROC_INST_ID_"),
            cockpitPath(rs.getString("PROC_INST_ID_"))),
        args.toArray());
  }

  /**
   * Met and breached deadlines by week of the deadline and urgency. A deadline still ahead with the task open is
   * not decided yet and counts nowhere. ACT_IDX_HI_TASK_INST_START bounds the scan to the window's tasks.
   */
  private Compliance compliance(Instant now, LocalDate from, LocalDate until) {
    Timestamp at = Timestamp.from(now);
    StringBuilder week = new StringBuilder("CASE");
    List<Object> args = new ArrayList<>();
    for (int index = 0; index < WEEKS; index++) {
      week.append(" WHEN t.DUE_DATE_ < ? THEN ").append(index);
      args.add(Timestamp.from(startOf(from.plusWeeks(index + 1))));
    }
    week.append(" END");
    args.addAll(List.of(at, URGENCY, SUPPORT_REQUEST, INITIATE_RESOLUTION_TASK,
        Timestamp.from(startOf(from).minus(LONGEST_SLA)), Timestamp.from(startOf(from)), Timestamp.from(startOf(until))));

    int[][] met = new int[WEEKS][Urgency.values().length];
    int[][] missed = new int[WEEKS][Urgency.values().length];
    jdbc.query("SELECT week_index, urgency, SUM(met) AS met, SUM(breached) AS breached FROM (SELECT " + week
            + " AS week_index, u.TEXT_ AS urgency,"
            + " CASE WHEN t.DELETE_REASON_ = 'completed' AND t.END_TIME_ <= t.DUE_DATE_ THEN 1 ELSE 0 END AS met,"
            // late: started after the deadline, still waiting past it, or cancelled after it
            + " CASE WHEN t.END_TIME_ > t.DUE_DATE_ OR (t.END_TIME_ IS NULL AND t.DUE_DATE_ < ?)"
            + " THEN 1 ELSE 0 END AS breached"
            + " FROM ACT_HI_TASKINST t" + variable("u", "t.PROC_INST_ID_")
            + " WHERE t.PROC_DEF_KEY_ = ? AND t.TASK_DEF_KEY_ = ? AND t.START_TIME_ >= ?"
            + " AND t.DUE_DATE_ >= ? AND t.DUE_DATE_ < ?" + NOT_COSMETIC + LATEST_INITIATION + ") x"
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
   * started in the window: one duration per ticket through ACT_IDX_HI_TASK_INST_END, percentiles in Java (the
   * durations mix a timestamp column and a date variable's epoch milliseconds, which the two databases subtract
   * differently). Interpolated between neighbours as PERCENTILE_CONT / Excel's PERCENTIL.INC do.
   */
  private TimeToStart timeToStart(Instant now, LocalDate from) {
    List<Long> minutes = jdbc.query("SELECT t.END_TIME_, r.LONG_ AS received FROM ACT_HI_TASKINST t"
            + variable("u", "t.PROC_INST_ID_") + variable("r", "t.PROC_INST_ID_")
            + " WHERE t.END_TIME_ >= ? AND t.END_TIME_ <= ? AND t.PROC_DEF_KEY_ = ? AND t.TASK_DEF_KEY_ = ?"
            + " AND t.DELETE_REASON_ = 'completed' AND r.LONG_ IS NOT NULL" + NOT_COSMETIC + LATEST_INITIATION,
        (rs, row) -> Duration.between(Instant.ofEpochMilli(rs.getLong("received")),
            rs.getTimestamp("END_TIME_").toInstant()).toMinutes(),
        URGENCY, RECEIVED_AT, Timestamp.from(startOf(from)), Timestamp.from(now), SUPPORT_REQUEST,
        INITIATE_RESOLUTION_TASK);
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

  private static OffsetDateTime offset(Instant instant) {
    return instant.atZone(DeskTime.ZONE).toOffsetDateTime();
  }
}
