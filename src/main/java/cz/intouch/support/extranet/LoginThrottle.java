package cz.intouch.support.extranet;

import cz.intouch.support.ticket.TicketMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed extranet logins within the lock-out window, counted per client address and per (login name, client
 * address). Guessing one customer's password from one address is refused after {@code max-failed-logins} failures,
 * but only from that address: the owner logging in from elsewhere is never locked out by a stranger. One client
 * trying many names is refused after {@code max-failed-logins-per-address}. Counting is by the name typed, not by
 * account, so an unknown name is answered exactly like an existing one and the lock-out tells nobody who has an
 * account.
 *
 * <p>Each failure is a row of sd_extranet_login_failure, so every node of a cluster counts the same failures and a
 * restart forgets none. Older rows are purged: an address's own when it fails again, and anyone's, a bounded batch at
 * a time, on every {@value #PURGE_EVERY}th failure this node records (the first one after a start too).
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  /** The address column's length: IPv6 text takes at most 45 characters, a zone id some more. */
  static final int MAX_ADDRESS_LENGTH = 64;
  static final int PURGE_EVERY = 100;
  static final int PURGE_BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final int maxFailuresPerAddress;
  private final int maxFailuresPerName;
  private final Duration window;
  private final AtomicLong recorded = new AtomicLong();

  LoginThrottle(JdbcTemplate jdbc, ExtranetSettings settings) {
    this.jdbc = jdbc;
    this.maxFailuresPerAddress = settings.maxFailedLoginsPerAddress();
    this.maxFailuresPerName = settings.maxFailedLogins();
    this.window = settings.lockout();
  }

  Duration window() {
    return window;
  }

  /** Whether a login as {@code username} from {@code address} is refused before its password is even checked. */
  boolean blocked(String address, String username) {
    OffsetDateTime since = ts(ExtranetAccounts.now().minus(window));
    return reached(maxFailuresPerAddress, "address = ?", since, stored(address))
        || reached(maxFailuresPerName, "username_hash = ? AND address = ?", since, nameHash(username), stored(address));
  }

  void recordFailure(String address, String username) {
    String stored = stored(address);
    Instant now = ExtranetAccounts.now();
    jdbc.update("INSERT INTO sd_extranet_login_failure (address, username_hash, failed_at) VALUES (?, ?, ?)", stored,
        nameHash(username), ts(now));
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

  /** The right password ends a run of wrong ones for that name from that address (the address's total stays). */
  void recordSuccess(String address, String username) {
    jdbc.update("DELETE FROM sd_extranet_login_failure WHERE username_hash = ? AND address = ?", nameHash(username),
        stored(address));
  }

  /** Counts no further than the limit: a busy address costs the same as a quiet one. */
  private boolean reached(int max, String where, OffsetDateTime since, Object... keys) {
    int limit = Math.max(max, 1); // no failures, no block
    Object[] args = new Object[keys.length + 2];
    System.arraycopy(keys, 0, args, 0, keys.length);
    args[keys.length] = since;
    args[keys.length + 1] = limit;
    Integer failures = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM sd_extranet_login_failure WHERE "
        + where + " AND failed_at >= ? LIMIT ?) capped", Integer.class, args);
    return failures != null && failures >= limit;
  }

  private static String stored(String address) {
    if (address == null) {
      return "";
    }
    return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
  }

  /** The name as the login looks it up (trimmed, lower case), hashed: the table keeps no typed names. */
  private static String nameHash(String username) {
    return ExtranetAccounts.hash(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
  }

  private static OffsetDateTime ts(Instant instant) {
    return TicketMessages.timestamp(instant);
  }
}
