package cz.intouch.support.extranet;

import cz.intouch.support.ticket.TicketMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed extranet logins per client address within the lock-out window. The per-account lock-out stops guessing one
 * customer's password; this stops one client from trying many accounts (or unknown names, which have no account to
 * lock). Each failure is a row of sd_extranet_login_failure, so every node of a cluster counts the same failures and
 * a restart forgets none. An address is refused while it has {@code max-failed-logins-per-address} failures within
 * the last {@code lockout}. Older rows are purged: an address's own when it fails again, and anyone's, a bounded
 * batch at a time, on every {@value #PURGE_EVERY}th failure this node records (the first one after a start too).
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  /** The address column's length: IPv6 text takes at most 45 characters, a zone id some more. */
  static final int MAX_ADDRESS_LENGTH = 64;
  static final int PURGE_EVERY = 100;
  static final int PURGE_BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final int maxFailures;
  private final Duration window;
  private final AtomicLong recorded = new AtomicLong();

  LoginThrottle(JdbcTemplate jdbc,
      @Value("${support.extranet.max-failed-logins-per-address:30}") int maxFailures,
      @Value("${support.extranet.lockout:PT15M}") Duration window) {
    this.jdbc = jdbc;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** Counts no further than the limit: a busy address costs the same as a quiet one. */
  boolean blocked(String address) {
    int limit = Math.max(maxFailures, 1); // no failures, no block
    Integer failures = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM sd_extranet_login_failure"
        + " WHERE address = ? AND failed_at >= ? LIMIT ?) capped", Integer.class,
        stored(address), ts(ExtranetAccounts.now().minus(window)), limit);
    return failures != null && failures >= limit;
  }

  void recordFailure(String address) {
    String stored = stored(address);
    Instant now = ExtranetAccounts.now();
    jdbc.update("INSERT INTO sd_extranet_login_failure (address, failed_at) VALUES (?, ?)", stored, ts(now));
    OffsetDateTime windowStart = ts(now.minus(window));
    try {
      jdbc.update("DELETE FROM sd_extranet_login_failure WHERE address = ? AND failed_at < ?", stored, windowStart);
      if (recorded.getAndIncrement() % PURGE_EVERY == 0) {
        jdbc.update("DELETE FROM sd_extranet_login_failure WHERE id IN (SELECT id FROM sd_extranet_login_failure"
            + " WHERE failed_at < ? LIMIT ?)", windowStart, PURGE_BATCH);
      }
    } catch (DataAccessException e) {
      // the failure is counted; the old rows go with a later one (e.g. after a deadlock with another node's purge)
      log.warn("Old failed extranet logins not purged this time: {}", e.getMessage());
    }
  }

  private static String stored(String address) {
    if (address == null) {
      return "";
    }
    return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
  }

  private static OffsetDateTime ts(Instant instant) {
    return TicketMessages.timestamp(instant);
  }
}
