package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskApplication;
import cz.intouch.support.ticket.TicketNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.TestSocketUtils;

/**
 * The same persistence scenario on every database we support: the application starts on an empty
 * database, works, stops, and a second start on the same database finds everything where it was.
 */
abstract class PersistenceContract {

  private static final Instant RECEIVED = Instant.parse("2026-11-25T09:00:00Z");

  /** Datasource properties of the database under test. */
  abstract Map<String, String> database() throws Exception;

  /** Our indexes on Camunda's tables that this database gets (db/engine-indexes), by table. */
  Map<String, List<String>> engineIndexes() {
    return Map.of("ACT_RU_TASK", List.of("SD_TASK_PRIORITY_CREATED", "SD_TASK_DUE", "SD_TASK_PARENT"),
        "ACT_RU_JOB", List.of("SD_JOB_DUE", "SD_JOB_RETRIES"));
  }

  @Test
  void aRestartedDeskFindsItsTicketsCountersAndModelsWhereItLeftThem() throws Exception {
    Map<String, String> database = database();
    String ticket;
    String processInstanceId;
    try (ConfigurableApplicationContext first = start(database)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      TicketNumbers numbers = first.getBean(TicketNumbers.class);
      assertThat(numbers.next(RECEIVED)).isEqualTo("TS-2026-000001");
      ticket = numbers.next(RECEIVED);
      assertThat(ticket).isEqualTo("TS-2026-000002");
      ProcessInstance instance = engine.getRuntimeService()
          .startProcessInstanceByKey("supportRequest", ticket, Map.of("ticketNumber", ticket));
      processInstanceId = instance.getId();
      assertThat(new JdbcTemplate(first.getBean(javax.sql.DataSource.class))
          .queryForObject("SELECT COUNT(*) FROM \"sd_schema_history\" WHERE \"success\" = TRUE", Integer.class))
          .isPositive();
      javax.sql.DataSource dataSource = first.getBean(javax.sql.DataSource.class);
      engineIndexes().forEach((table, indexes) -> assertThat(indexesOf(dataSource, table)).as(table)
          .containsAll(indexes));
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      assertThat(jdbc.queryForObject("SELECT ticket_number FROM sd_sla_ticket WHERE process_instance_id = ?"
          + " AND closed_at IS NULL", String.class, processInstanceId)).isEqualTo(ticket);
      // as on a desk from before the SLA report's own table: the ticket without its row, the backfill not yet run
      jdbc.update("DELETE FROM sd_sla_ticket");
      jdbc.update("DELETE FROM \"sd_engine_index_history\" WHERE \"version\" = '5'");
    }

    try (ConfigurableApplicationContext second = start(database)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("supportRequest").processInstanceBusinessKey(ticket).singleResult();
      assertThat(instance.getId()).isEqualTo(processInstanceId);
      assertThat(engine.getRuntimeService().getVariable(processInstanceId, "ticketNumber")).isEqualTo(ticket);
      // still identifying the customer, with the request for the missing details queued as a job
      assertThat(engine.getRuntimeService().getActiveActivityIds(processInstanceId))
          .containsExactly("CallActivity_Identification");
      assertThat(engine.getManagementService().createJobQuery().count()).isPositive();
      assertThat(second.getBean(TicketNumbers.class).next(RECEIVED)).isEqualTo("TS-2026-000003");
      // the backfill copied the ticket from the history
      assertThat(new JdbcTemplate(second.getBean(javax.sql.DataSource.class)).queryForList(
          "SELECT ticket_number FROM sd_sla_ticket WHERE process_instance_id = ? AND closed_at IS NULL",
          String.class, processInstanceId)).containsExactly(ticket);
      // unchanged models are not deployed again on restart
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("supportRequest")
          .count()).isEqualTo(1);
    }
  }

  /** Index names of a table, upper case (H2 keeps names upper case, PostgreSQL lower case). */
  private static List<String> indexesOf(javax.sql.DataSource dataSource, String table) {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      List<String> names = new ArrayList<>();
      for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
        try (java.sql.ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (rows.next()) {
            if (rows.getString("INDEX_NAME") != null) {
              names.add(rows.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
            }
          }
        }
      }
      return names;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigurableApplicationContext start(Map<String, String> database) {
    List<String> properties = new ArrayList<>(List.of(
        "server.port=0",
        // no Tasklist/Cockpit here: the webapps keep static state that must stay with the shared test context
        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "camunda.bpm.process-engine-name=persistence",
        "support.mail.smtp.port=" + TestSocketUtils.findAvailableTcpPort(),
        "support.mail.imap.port=" + TestSocketUtils.findAvailableTcpPort()));
    database.forEach((key, value) -> properties.add(key + "=" + value));
    // as command-line arguments, so they win over application-test.yaml
    return new SpringApplicationBuilder(SupportDeskApplication.class)
        .profiles("test")
        .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
  }
}
