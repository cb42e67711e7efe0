package cz.intouch.support.intake;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exactly one node of a cluster reads the support mailbox at a time: the holder of its lease in
 * {@code sd_mailbox_lease}. The holder renews the lease at the start of every poll and, while a poll runs (a big
 * batch on a busy machine can outlast the lease), every third of the lease time; when it dies, the lease runs out
 * after {@code support.mail.intake.lease-time} and the next node to poll takes it over. Times are the database's,
 * so nodes whose clocks disagree still agree on who holds the lease.
 *
 * <p>The lease keeps nodes from fetching the same mails and fighting over moving them; correctness does not rest on
 * it: should two nodes ever read the same mail (a lease run out in the middle of a long batch), the intake ledger
 * ({@code sd_mail_intake}) still turns it into one ticket.
 */
@Component
public class MailboxLease {

  private static final Logger log = LoggerFactory.getLogger(MailboxLease.class);

  /** One daemon thread renews the leases of all polls in the JVM: a renewal is one short UPDATE. */
  private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "mailbox-lease");
    thread.setDaemon(true);
    return thread;
  });

  private final JdbcTemplate jdbc;
  private final String holder;
  private final Duration leaseTime;
  private volatile boolean held;

  @Autowired
  MailboxLease(JdbcTemplate jdbc, MailIntakeSettings settings) {
    this(jdbc, settings.leaseTime(),
        ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
  }

  MailboxLease(JdbcTemplate jdbc, Duration leaseTime, String holder) {
    this.jdbc = jdbc;
    this.leaseTime = leaseTime;
    this.holder = holder;
  }

  /** Takes or renews the lease; false while another node holds an unexpired one. */
  public boolean acquire(String mailbox) {
    OffsetDateTime now = databaseNow();
    int renewed = jdbc.update("UPDATE sd_mailbox_lease SET holder = ?, expires_at = ?"
        + " WHERE mailbox = ? AND (holder = ? OR expires_at < ?)", holder, now.plus(leaseTime), mailbox, holder, now);
    boolean nowHeld = renewed == 1 || insert(mailbox, now);
    if (nowHeld != held) {
      log.info(nowHeld ? "This node ({}) now reads mailbox {}" : "Node {} no longer reads mailbox {}: another node does",
          holder, mailbox);
      held = nowHeld;
    }
    return nowHeld;
  }

  /** Renews the lease every third of its time until stopped; tells the poll whether the lease is still held. */
  public Heartbeat keepWhilePolling(String mailbox) {
    Heartbeat heartbeat = new Heartbeat();
    long period = Math.max(100, leaseTime.toMillis() / 3);
    heartbeat.beat = RENEWALS.scheduleAtFixedRate(() -> {
      try {
        heartbeat.held = acquire(mailbox);
      } catch (RuntimeException e) {
        heartbeat.held = false; // the database is away: the lease runs out, and so does this poll
      }
    }, period, period, TimeUnit.MILLISECONDS);
    return heartbeat;
  }

  /** The renewals of one poll. */
  public static final class Heartbeat {

    private volatile boolean held = true;
    private volatile ScheduledFuture<?> beat;

    public boolean held() {
      return held;
    }

    public void stop() {
      beat.cancel(false);
    }
  }

  /** Gives the lease up at once (a clean stop), so another node need not wait for it to run out. */
  public void release(String mailbox) {
    jdbc.update("UPDATE sd_mailbox_lease SET expires_at = ? WHERE mailbox = ? AND holder = ?",
        databaseNow(), mailbox, holder);
    held = false;
  }

  String holder() {
    return holder;
  }

  private boolean insert(String mailbox, OffsetDateTime now) {
    try {
      return jdbc.update("INSERT INTO sd_mailbox_lease (mailbox, holder, expires_at) VALUES (?, ?, ?)",
          mailbox, holder, now.plus(leaseTime)) == 1;
    } catch (DuplicateKeyException anotherNodeHoldsIt) {
      return false;
    }
  }

  private OffsetDateTime databaseNow() {
    return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
  }
}
