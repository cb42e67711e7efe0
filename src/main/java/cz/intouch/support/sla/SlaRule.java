package cz.intouch.support.sla;

import java.util.Locale;
import java.util.Optional;

/** How the SLA deadline of a ticket is computed; the names are the outputs of the {@code slaPolicy} DMN. */
public enum SlaRule {

  /** 16:00 of the first business day after the local day of receipt. */
  CLOSE_OF_NEXT_BUSINESS_DAY(true),

  /** Receipt plus N calendar days at the same local wall-clock time; holidays do not matter. */
  CALENDAR_DAYS(true),

  /** Cosmetic defects are fixed in the next official release: no timer. */
  NEXT_RELEASE(false),

  /** A common question asked by phone and answered during the call: nothing left to be late for. */
  ANSWERED_IN_CALL(false);

  private final boolean hasDeadline;

  SlaRule(boolean hasDeadline) {
    this.hasDeadline = hasDeadline;
  }

  public boolean hasDeadline() {
    return hasDeadline;
  }

  /**
   * Parses a rule name as it comes from the DMN or a process variable. Blank means absent, because
   * Camunda expressions hand a null String argument over as "". An unknown name is an error, not absence.
   */
  public static Optional<SlaRule> parse(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown SLA rule '" + name + "'", e);
    }
  }
}
