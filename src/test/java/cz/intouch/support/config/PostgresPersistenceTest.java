package cz.intouch.support.config;

import cz.intouch.support.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The prod database: a real PostgreSQL. */
class PostgresPersistenceTest extends PersistenceContract {

  private TestPostgres postgres;

  @Override
  Map<String, String> database() throws Exception {
    postgres = TestPostgres.start();
    return Map.of(
        "spring.datasource.url", postgres.jdbcUrl(),
        "spring.datasource.username", postgres.user(),
        "spring.datasource.password", postgres.password());
  }

  @Override
  Map<String, List<String>> engineIndexes() {
    // and the partial indexes H2 cannot make
    return Map.of("ACT_RU_TASK", List.of("SD_TASK_PRIORITY_CREATED", "SD_TASK_DUE", "SD_TASK_PARENT"),
        "ACT_RU_JOB", List.of("SD_JOB_DUE", "SD_JOB_RETRIES"), "ACT_HI_TASKINST", List.of("SD_HI_TASK_OPEN_DUE"),
        "ACT_HI_VARINST", List.of("SD_HI_VAR_COMPANY", "SD_HI_VAR_URGENCY", "SD_HI_VAR_WARNING"));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
