package cz.intouch.support.config;

import cz.intouch.support.report.SlaTicketBackfill;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Indexes of ours on Camunda's tables, for the desk's own queries at 100,000 open tickets (Tasklist's filter
 * sorting, the extranet's list of a company, the SLA report; README "For operators", issue 13). Versioned by Flyway
 * like our tables, but in their own history ({@code sd_engine_index_history}) and only after the engine has created
 * or updated its schema: the first Flyway run (our tables) comes before the engine exists. {@code common} holds what
 * both databases run, {@code postgres} the partial indexes H2 cannot make (a text variable's value may be longer
 * than a B-tree entry, so only the one variable a list looks up is indexed). Versions are unique across the two.
 * Version 5 is no index but the one-off copy of the existing tickets into the SLA report's own table
 * ({@link SlaTicketBackfill}), which reads the engine's history and so has to wait for its schema too, and writes
 * our table: this plugin waits for Spring Boot's Flyway run of our own migrations, which otherwise may come after
 * the engine is built.
 */
@Component
@DependsOn("flywayInitializer")
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;
  private String databaseType;

  public EngineIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    databaseType = configuration.getDatabaseType();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String[] locations = "postgres".equals(databaseType)
        ? new String[] {"classpath:db/engine-indexes/common", "classpath:db/engine-indexes/postgres"}
        : new String[] {"classpath:db/engine-indexes/common"};
    Flyway.configure().dataSource(dataSource).table("sd_engine_index_history").locations(locations)
        .javaMigrations(new SlaTicketBackfill()).baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}
