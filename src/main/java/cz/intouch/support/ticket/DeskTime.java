package cz.intouch.support.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The desk's local time: the contract's Europe/Prague, "now" from the engine's clock (so tests that move
 * {@code ClockUtil} move everything). Dates of receipt, contract validity and ticket years are all Prague dates.
 */
public final class DeskTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Prague");

  private DeskTime() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return dateOf(now());
  }

  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }
}
