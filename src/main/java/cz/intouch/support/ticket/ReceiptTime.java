package cz.intouch.support.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one rule for a receipt time someone hands us (web and phone intake, the triage dry run): it must be a
 * moment the desk could really have received a request. Not after now plus a few minutes of clock skew between
 * the caller and us, not before the desk's earliest receipt date ({@code support.intake.earliest-receipt}).
 * Anything else would open tickets numbered by absurd years and start SLA clocks that never end.
 */
@Component
public class ReceiptTime {

  /** How far a caller's clock may run ahead of ours. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final DateTimeFormatter CZECH_DATE = DateTimeFormatter.ofPattern("d. M. yyyy");

  private final LocalDate earliestDate;
  private final Instant earliest;

  public ReceiptTime(ReceiptTimeSettings settings) {
    this.earliestDate = settings.earliestReceipt();
    this.earliest = this.earliestDate.atStartOfDay(DeskTime.ZONE).toInstant();
  }

  /** @throws Implausible when the time cannot be a receipt time; the API answers it 400 naming the field */
  public Instant check(Instant receivedAt) {
    problem(receivedAt).ifPresent(problem -> {
      throw new Implausible(problem);
    });
    return receivedAt;
  }

  /** Why the time cannot be a receipt time (Czech, naming the field), or empty when it is plausible. */
  private Optional<String> problem(Instant receivedAt) {
    if (receivedAt.isAfter(DeskTime.now().plus(CLOCK_SKEW))) {
      return Optional.of("Pole " + TicketVariables.RECEIVED_AT + ": čas přijetí nesmí být v budoucnosti (tolerance "
          + CLOCK_SKEW.toMinutes() + " minut).");
    }
    if (receivedAt.isBefore(earliest)) {
      return Optional.of("Pole " + TicketVariables.RECEIVED_AT + ": čas přijetí nesmí být dřívější než "
          + CZECH_DATE.format(earliestDate) + ".");
    }
    return Optional.empty();
  }

  /** A receipt time outside the bounds; the message is Czech and names the field {@link #FIELD}. */
  public static class Implausible extends IllegalArgumentException {

    public static final String FIELD = TicketVariables.RECEIVED_AT;

    Implausible(String message) {
      super(message);
    }
  }
}
