package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketVariables.COMPANY_NAME;
import static cz.intouch.support.ticket.TicketVariables.INITIATE_RESOLUTION_TASK;
import static cz.intouch.support.ticket.TicketVariables.RECEIVED_AT;
import static cz.intouch.support.ticket.TicketVariables.SLA_WARNING_AT;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;
import static cz.intouch.support.ticket.TicketVariables.URGENCY;

import cz.intouch.support.ticket.SupportStaff;
import cz.intouch.support.ticket.TicketMessages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills sd_sla_ticket for the tickets that existed before it, from Camunda's history: what {@link SlaTickets} would
 * have written for them. Needs the engine's tables, so it is one of the migrations run after the engine has built
 * its schema ({@code EngineIndexes}, version 5 of sd_engine_index_history): once per database, and a ticket that
 * already has a row keeps it, so running it again changes nothing. Not a bean: Spring Boot would hand every
 * JavaMigration bean to the Flyway run of our own tables, which comes before the engine's schema.
 */
public class SlaTicketBackfill implements JavaMigration {

  private static final Logger log = LoggerFactory.getLogger(SlaTicketBackfill.class);
  private static final int BATCH = 1000;

  /** A process-scope variable of the ticket, as the report read them before the projection. */
  private static String variable(String alias) {
    return " LEFT JOIN ACT_HI_VARINST " + alias + " ON " + alias + ".PROC_INST_ID_ = p.ID_ AND " + alias
        + ".NAME_ = ? AND " + alias + ".EXECUTION_ID_ = " + alias + ".PROC_INST_ID_ AND " + alias
        + ".STATE_ = 'CREATED'";
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "sla ticket backfill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    Map<String, Set<String>> groups = new HashMap<>();
    jdbc.query("SELECT t.PROC_INST_ID_, l.GROUP_ID_ FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
            + " JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ WHERE d.KEY_ = ? AND l.TYPE_ = 'candidate'",
        rs -> {
          groups.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
        }, SUPPORT_REQUEST);

    List<Object[]> rows = new ArrayList<>();
    // the ticket's latest "Zahájit řešení" (t), if it had one
    jdbc.query("SELECT p.ID_, p.BUSINESS_KEY_, p.END_TIME_, c.TEXT_ AS company, u.TEXT_ AS urgency,"
            + " r.LONG_ AS received, w.LONG_ AS warning, t.ID_ AS task, t.DUE_DATE_, t.END_TIME_ AS task_end,"
            + " t.DELETE_REASON_ FROM ACT_HI_PROCINST p" + variable("c") + variable("u") + variable("r")
            + variable("w")
            + " LEFT JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = p.ID_ AND t.TASK_DEF_KEY_ = ?"
            + " WHERE p.PROC_DEF_KEY_ = ?"
            + " AND NOT EXISTS (SELECT 1 FROM sd_sla_ticket s WHERE s.process_instance_id = p.ID_)"
            + " AND (t.ID_ IS NULL OR NOT EXISTS (SELECT 1 FROM ACT_HI_TASKINST later"
            + " WHERE later.PROC_INST_ID_ = t.PROC_INST_ID_ AND later.TASK_DEF_KEY_ = t.TASK_DEF_KEY_"
            + " AND later.START_TIME_ > t.START_TIME_))",
        rs -> {
          rows.add(row(rs, groups.getOrDefault(rs.getString("ID_"), Set.of())));
        }, COMPANY_NAME, URGENCY, RECEIVED_AT, SLA_WARNING_AT, INITIATE_RESOLUTION_TASK, SUPPORT_REQUEST);

    for (int from = 0; from < rows.size(); from += BATCH) {
      jdbc.batchUpdate("INSERT INTO sd_sla_ticket (process_instance_id, ticket_number, company_name, urgency,"
          + " received_at, warning_at, deadline, waiting, initiation_ended_at, started_at, for_agents,"
          + " for_specialists, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
    log.info("SLA report: {} tickets copied from the history into sd_sla_ticket", rows.size());
  }

  private static Object[] row(ResultSet rs, Set<String> groups) throws SQLException {
    boolean initiation = rs.getString("task") != null;
    OffsetDateTime taskEnd = timestamp(rs.getTimestamp("task_end"));
    OffsetDateTime closed = timestamp(rs.getTimestamp("END_TIME_"));
    boolean open = closed == null;
    return new Object[] {rs.getString("ID_"), rs.getString("BUSINESS_KEY_"), rs.getString("company"),
        rs.getString("urgency"), epochMillis(rs, "received"), epochMillis(rs, "warning"),
        timestamp(rs.getTimestamp("DUE_DATE_")), initiation && taskEnd == null, taskEnd,
        "completed".equals(rs.getString("DELETE_REASON_")) ? taskEnd : null,
        open && groups.contains(SupportStaff.AGENTS), open && groups.contains(SupportStaff.SPECIALISTS), closed};
  }

  private static OffsetDateTime epochMillis(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : TicketMessages.timestamp(Instant.ofEpochMilli(millis));
  }

  private static OffsetDateTime timestamp(Timestamp timestamp) {
    return timestamp == null ? null : TicketMessages.timestamp(timestamp.toInstant());
  }
}
