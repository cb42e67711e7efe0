package cz.intouch.support.extranet;

import cz.intouch.support.ticket.DeskTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dates on the extranet pages in Prague time, Czech style; templates call it as {@code @extranetFormats}. */
@Component("extranetFormats")
public class ExtranetFormats {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. M. yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d. M. yyyy HH:mm");

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(DeskTime.ZONE));
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(DeskTime.ZONE));
  }
}
