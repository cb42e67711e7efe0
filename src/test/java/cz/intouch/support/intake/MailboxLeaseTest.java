package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cz.intouch.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes over one database: one reads the mailbox; when it stops or dies, the other takes over. The lease is
 * a few seconds long here so that a busy machine (a fresh connection per call) still renews within it.
 */
class MailboxLeaseTest {

  private static final String MAILBOX = "support@intouch-crm.cz/INBOX";
  private static final Duration LEASE = Duration.ofSeconds(4);

  @Test
  void oneNodeReadsTheMailboxAndAnotherTakesOverWhenItStopsRenewingOnH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    twoNodes(new JdbcTemplate(h2));
  }

  @Test
  void oneNodeReadsTheMailboxAndAnotherTakesOverWhenItStopsRenewingOnPostgres() throws Exception {
    try (TestPostgres postgres = TestPostgres.start()) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(postgres.jdbcUrl());
      pg.setUser(postgres.user());
      pg.setPassword(postgres.password());
      twoNodes(new JdbcTemplate(pg));
    }
  }

  private static void twoNodes(JdbcTemplate jdbc) throws Exception {
    jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V17__mailbox_lease.sql")));
    MailboxLease first = new MailboxLease(jdbc, LEASE, "node-1");
    MailboxLease second = new MailboxLease(jdbc, LEASE, "node-2");

    assertThat(first.acquire(MAILBOX)).as("the first node to poll reads the mailbox").isTrue();
    assertThat(second.acquire(MAILBOX)).as("while the lease runs, nobody else").isFalse();
    assertThat(first.acquire(MAILBOX)).as("the holder renews").isTrue();

    // a clean stop hands over at once
    first.release(MAILBOX);
    assertThat(second.acquire(MAILBOX)).isTrue();
    assertThat(first.acquire(MAILBOX)).isFalse();

    // a node that dies stops renewing: the other takes over once the lease has run out, not before
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> first.acquire(MAILBOX));
    assertThat(second.acquire(MAILBOX)).isFalse();
    assertThat(jdbc.queryForObject("SELECT holder FROM sd_mailbox_lease WHERE mailbox = ?", String.class, MAILBOX))
        .isEqualTo("node-1");
  }
}
