package cz.intouch.support.intake;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the next poll runs after a failed one, and what the log says about it: an outage of the mailbox or the
 * database is logged once when it starts and once when it ends, not as a stack trace per poll. The pause doubles
 * from the poll interval up to the maximum, and returns to the poll interval after the first good poll.
 */
final class PollBackOff {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final Duration interval;
  private final Duration max;
  private int failures;
  private long outageStart;

  PollBackOff(Duration interval, Duration max) {
    this.interval = interval;
    this.max = max.compareTo(interval) < 0 ? interval : max;
  }

  /** A poll failed: returns the pause before the next one. */
  synchronized Duration failed(Exception cause) {
    failures++;
    Duration pause = pause(failures);
    if (failures == 1) {
      outageStart = System.nanoTime();
      log.warn("Mail intake paused, {}: {}; mails wait in the INBOX, polling again with back-off up to {}",
          cause instanceof MailboxPoller.DatabaseUnavailableException ? "the database cannot be reached"
              : "the mailbox cannot be read", describe(cause), max);
    } else {
      log.debug("Mail poll {} of this outage failed, next in {}: {}", failures, pause, cause.toString());
    }
    return pause;
  }

  /** A poll went through: ends an outage. */
  synchronized void succeeded() {
    if (failures > 0) {
      log.info("Mail intake resumed after {} failed polls ({} s)", failures,
          Duration.ofNanos(System.nanoTime() - outageStart).toSeconds());
    }
    failures = 0;
  }

  /** interval, 2 × interval, 4 × … capped at max. */
  Duration pause(int failures) {
    Duration pause = interval;
    for (int i = 1; i < failures && pause.compareTo(max) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(max) > 0 ? max : pause;
  }

  private static String describe(Exception cause) {
    return cause instanceof MailboxPoller.DatabaseUnavailableException ? cause.getMessage() : cause.toString();
  }
}
