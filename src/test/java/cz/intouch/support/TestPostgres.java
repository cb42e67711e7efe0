package cz.intouch.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real, empty PostgreSQL database for a test. Uses the server named by SUPPORT_TEST_PG_URL when set, otherwise
 * the embedded PostgreSQL from Maven: started as the calling user, or, when the tests run as root (which
 * PostgreSQL refuses), as an unprivileged user by {@link UnprivilegedPostgres}.
 */
public final class TestPostgres implements AutoCloseable {

  private final String adminUrl;
  private final String user;
  private final String password;
  private final String database;
  private final EmbeddedPostgres embedded;

  private TestPostgres(String adminUrl, String user, String password, EmbeddedPostgres embedded) throws SQLException {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.database = "sd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + database);
  }

  public static TestPostgres start() throws IOException, SQLException {
    String url = System.getenv("SUPPORT_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      return new TestPostgres(url, env("SUPPORT_TEST_PG_USER", "postgres"), env("SUPPORT_TEST_PG_PASSWORD", ""), null);
    }
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses to run as root: the same binaries, run as an unprivileged user
      return new TestPostgres(UnprivilegedPostgres.shared().adminUrl(), "postgres", "", null);
    }
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    return new TestPostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres);
  }

  public String jdbcUrl() {
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + database + (query >= 0 ? adminUrl.substring(query) : "");
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() throws Exception {
    try {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
