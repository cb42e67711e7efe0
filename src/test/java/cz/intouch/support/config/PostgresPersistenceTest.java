package cz.intouch.support.config;

import cz.intouch.support.TestPostgres;
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

  @AfterEach
  void dropDatabase() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
