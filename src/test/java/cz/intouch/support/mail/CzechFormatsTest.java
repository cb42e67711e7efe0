package cz.intouch.support.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.OutOfScopeCategory;
import cz.intouch.support.ticket.Urgency;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CzechFormatsTest {

  @Test
  void aDeadlineReadsAsDayDateAndTwentyFourHourTime() {
    assertThat(CzechFormats.deadline(ZonedDateTime.of(2026, 11, 30, 16, 0, 0, 0, DeskTime.ZONE)))
        .isEqualTo("pondělí 30. listopadu 2026 16:00");
  }

  @Test
  void aDeadlineIsShownInPragueTimeWhateverItsZone() {
    assertThat(CzechFormats.deadline(ZonedDateTime.of(2026, 7, 1, 6, 5, 0, 0, ZoneId.of("UTC"))))
        .isEqualTo("středa 1. července 2026 8:05");
  }

  @ParameterizedTest
  @CsvSource({
      "2026-11-30, pondělí", "2026-12-01, úterý", "2026-12-02, středa", "2026-12-03, čtvrtek",
      "2026-12-04, pátek", "2026-12-05, sobota", "2026-12-06, neděle"})
  void everyDayHasItsCzechName(LocalDate day, String name) {
    assertThat(CzechFormats.deadline(day.atTime(9, 30).atZone(DeskTime.ZONE))).startsWith(name + " ");
  }

  @ParameterizedTest
  @CsvSource({
      "2026-01-01, 1. ledna 2026", "2026-02-14, 14. února 2026", "2026-03-09, 9. března 2026",
      "2026-04-30, 30. dubna 2026", "2026-05-08, 8. května 2026", "2026-06-15, 15. června 2026",
      "2026-07-06, 6. července 2026", "2026-08-31, 31. srpna 2026", "2026-09-28, 28. září 2026",
      "2026-10-28, 28. října 2026", "2026-11-17, 17. listopadu 2026", "2026-12-31, 31. prosince 2026"})
  void monthsAreInTheGenitive(LocalDate date, String text) {
    assertThat(CzechFormats.date(date)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
      "COMMON_QUESTION, běžný dotaz", "SERIOUS, závažný problém", "LESS_SERIOUS, méně závažný problém",
      "COSMETIC, kosmetická vada"})
  void everyUrgencyClassHasItsCzechName(String code, String name) {
    assertThat(Urgency.czechOf(code)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({
      "ON_SITE, servis u zákazníka", "INSTALLATION, instalace nebo upgrade programu",
      "PROGRAMMING, programátorské práce", "CONSULTING, odborné konzultace", "TRANSPORT, doprava",
      "ANALYSIS, analytické práce"})
  void everyExcludedServiceHasItsCzechName(String code, String name) {
    assertThat(OutOfScopeCategory.czechOf(code)).isEqualTo(name);
  }

  @Test
  void anUnknownCodeIsAnError() {
    assertThatThrownBy(() -> Urgency.czechOf("URGENT")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("URGENT");
    assertThatThrownBy(() -> OutOfScopeCategory.czechOf(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void theSlaDeadlineIsSaidWithTheDayInTheGenitive() {
    org.assertj.core.api.Assertions.assertThat(CzechFormats.until(
        java.time.ZonedDateTime.parse("2026-11-30T16:00+01:00[Europe/Prague]")))
        .isEqualTo("do pondělí 30. listopadu 2026 16:00");
    org.assertj.core.api.Assertions.assertThat(CzechFormats.until(
        java.time.ZonedDateTime.parse("2026-12-02T15:00:00Z")))
        .isEqualTo("do středy 2. prosince 2026 16:00");
    org.assertj.core.api.Assertions.assertThat(CzechFormats.until(
        java.time.ZonedDateTime.parse("2026-12-03T16:00+01:00[Europe/Prague]"))).startsWith("do čtvrtka");
    org.assertj.core.api.Assertions.assertThat(CzechFormats.until(
        java.time.ZonedDateTime.parse("2026-12-04T16:00+01:00[Europe/Prague]"))).startsWith("do pátku");
  }
}
