package cz.intouch.support.mail;

import cz.intouch.support.ticket.DeskTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Dates and codes as a Czech customer reads them. Spelled out here rather than taken from
 * {@code Locale("cs")}: the JDK's text depends on its locale provider (COMPAT vs CLDR), ours must not.
 */
public final class CzechFormats {


  private static final String[] DAYS = {"pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle"};
  private static final String[] DAYS_GENITIVE =
      {"pondělí", "úterý", "středy", "čtvrtka", "pátku", "soboty", "neděle"};

  /** Genitive: "30. listopadu". */
  private static final String[] MONTHS = {"ledna", "února", "března", "dubna", "května", "června", "července",
      "srpna", "září", "října", "listopadu", "prosince"};

  private CzechFormats() {}

  /** "pondělí 30. listopadu 2026 16:00", in Prague time whatever the zone of the argument. */
  public static String deadline(ZonedDateTime moment) {
    ZonedDateTime local = moment.withZoneSameInstant(DeskTime.ZONE);
    return "%s %s %d:%02d".formatted(day(local.getDayOfWeek()), date(local.toLocalDate()), local.getHour(),
        local.getMinute());
  }

  /** "do pondělí 30. listopadu 2026 16:00", "do středy 2. prosince 2026 16:00": the day name in the genitive. */
  public static String until(ZonedDateTime moment) {
    ZonedDateTime local = moment.withZoneSameInstant(DeskTime.ZONE);
    return "do %s %s %d:%02d".formatted(DAYS_GENITIVE[local.getDayOfWeek().getValue() - 1],
        date(local.toLocalDate()), local.getHour(), local.getMinute());
  }

  /** "31. prosince 2026". */
  public static String date(LocalDate date) {
    return date.getDayOfMonth() + ". " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
  }

  private static String day(DayOfWeek day) {
    return DAYS[day.getValue() - 1];
  }
}
