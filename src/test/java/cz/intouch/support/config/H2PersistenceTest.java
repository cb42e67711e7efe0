package cz.intouch.support.config;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The default run's database: H2 in files. */
class H2PersistenceTest extends PersistenceContract {

  @TempDir Path dataDirectory;

  @Override
  Map<String, String> database() {
    return Map.of("spring.datasource.url",
        "jdbc:h2:file:" + dataDirectory.resolve("support-desk").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
  }
}
