package cz.intouch.support.report;

import cz.intouch.support.report.SlaReport.Share;
import cz.intouch.support.report.SlaReport.WaitingTicket;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The report as one long CSV table ({@code section,key,metric,value}, UTF-8, RFC 4180) that a spreadsheet pivots:
 * every figure of the JSON is one row, a ticket of the warning and breach lists one row per field.
 */
final class SlaReportCsv {

  static final String HEADER = "section,key,metric,value";

  private final StringBuilder csv = new StringBuilder(HEADER).append("\r\n");

  private SlaReportCsv() {}

  static String of(SlaReport report) {
    SlaReportCsv out = new SlaReportCsv();
    out.row("report", "", "generatedAt", report.generatedAt());
    out.row("open", "total", "tickets", report.open().total());
    report.open().byUrgency().forEach((urgency, tickets) -> out.row("open_by_urgency", urgency, "tickets", tickets));
    report.open().byCandidateGroup().forEach((group, tickets) -> out.row("open_by_group", group, "tickets", tickets));
    out.row("warning_passed", "total", "tickets", report.warningPassed().size());
    report.warningPassed().forEach(ticket -> out.ticket("warning_passed", ticket));
    out.row("breached", "total", "tickets", report.breached().size());
    report.breached().forEach(ticket -> out.ticket("breached", ticket));
    out.share("compliance", "total", report.compliance().total());
    report.compliance().weeks().forEach(week -> out.share("compliance_by_week", week.weekStart(), week.share()));
    report.compliance().byUrgency().forEach(u -> out.share("compliance_by_urgency", u.urgency(), u.share()));
    out.row("time_to_start", "", "tickets", report.timeToStart().tickets());
    out.row("time_to_start", "", "medianMinutes", report.timeToStart().medianMinutes());
    out.row("time_to_start", "", "p90Minutes", report.timeToStart().p90Minutes());
    report.cosmeticBacklog().releases().forEach(release -> {
      out.row("cosmetic_backlog", release.version(), "plannedOn", release.plannedOn());
      out.row("cosmetic_backlog", release.version(), "tickets", release.tickets());
      out.row("cosmetic_backlog", release.version(), "fixed", release.fixed());
    });
    out.row("cosmetic_backlog", "unassigned", "tickets", report.cosmeticBacklog().unassigned());
    return out.csv.toString();
  }

  private void ticket(String section, WaitingTicket ticket) {
    row(section, ticket.ticketNumber(), "companyName", ticket.companyName());
    row(section, ticket.ticketNumber(), "urgency", ticket.urgency());
    row(section, ticket.ticketNumber(), "slaDeadline", ticket.slaDeadline());
    row(section, ticket.ticketNumber(), "processInstanceId", ticket.processInstanceId());
  }

  private void share(String section, Object key, Share share) {
    row(section, key, "met", share.met());
    row(section, key, "breached", share.breached());
    row(section, key, "percent", share.percent());
  }

  private void row(String section, Object key, String metric, Object value) {
    csv.append(field(section)).append(',').append(field(key)).append(',').append(field(metric)).append(',')
        .append(field(value)).append("\r\n");
  }

  /** Quoted when needed; a text a spreadsheet would run as a formula gets a leading apostrophe. */
  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    // as in the JSON: seconds always written
    String text = value instanceof OffsetDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
        : value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("[-+]?\\d+(\\.\\d+)?")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
