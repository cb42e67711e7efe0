package cz.intouch.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SupportDeskTest
class TicketMessagesTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-11-30T08:00:00Z");

  @Autowired
  TicketMessages messages;

  @Test
  void aCustomersMailIsStoredAndFoundByTicketIdAndMessageId() {
    long id = messages.recordIncoming("TS-2026-000501", "REQUEST", "EMAIL", "jan.novak@firma.cz",
        "Nejde tisk faktur", "Dobrý den, od rána nejde tisknout faktury.", MONDAY_9, "<req-501@firma.cz>");

    TicketMessage stored = messages.byId(id).orElseThrow();
    assertThat(stored).isEqualTo(new TicketMessage(id, "TS-2026-000501", "IN", "REQUEST", "EMAIL",
        "jan.novak@firma.cz", null, "Nejde tisk faktur", "Dobrý den, od rána nejde tisknout faktury.",
        "<req-501@firma.cz>", MONDAY_9));
    assertThat(messages.ticketOfMessageId("<req-501@firma.cz>")).contains("TS-2026-000501");
    assertThat(messages.ticketOfMessageId("req-501@firma.cz")).contains("TS-2026-000501");
    assertThat(messages.ticketOfMessageId("<unknown@firma.cz>")).isEmpty();
    assertThat(messages.lastIncomingMessageId("TS-2026-000501")).contains("<req-501@firma.cz>");
  }

  @Test
  void theSameMailPolledTwiceIsStoredOnce() {
    long first = messages.recordIncoming("TS-2026-000502", "REQUEST", "EMAIL", "eva@firma.cz", "Dotaz", "Text",
        MONDAY_9, "<twice-502@firma.cz>");
    long second = messages.recordIncoming("TS-2026-000502", "REQUEST", "EMAIL", "eva@firma.cz", "Dotaz", "Text",
        MONDAY_9, "twice-502@firma.cz");

    assertThat(second).isEqualTo(first);
    assertThat(messages.of("TS-2026-000502")).hasSize(1);
  }

  @Test
  void aTicketsMessagesComeInTheOrderTheyHappened() {
    messages.recordIncoming("TS-2026-000503", "REPLY", "EMAIL", "eva@firma.cz", "Re: Dotaz", "Druhá",
        MONDAY_9.plusSeconds(3600), "<second-503@firma.cz>");
    messages.recordIncoming("TS-2026-000503", "REQUEST", "PHONE", "Eva Malá", "Telefonát", "První", MONDAY_9, null);
    messages.recordIncoming("TS-2026-000503", "REPLY", "WEB", "eva@firma.cz", "Doplnění", "Třetí",
        MONDAY_9.plusSeconds(7200), null);

    List<TicketMessage> thread = messages.of("TS-2026-000503");
    assertThat(thread).extracting(TicketMessage::body).containsExactly("První", "Druhá", "Třetí");
    assertThat(messages.lastIncomingMessageId("TS-2026-000503")).contains("<second-503@firma.cz>");
  }

  @Test
  void aMegabyteBodyRoundTrips() {
    String line = "Výpis chyby: Příliš žluťoučký kůň úpěl ďábelské ódy. 0123456789\n";
    String body = line.repeat(1_048_576 / line.length() + 1);
    assertThat(body.length()).isGreaterThan(1_048_576);

    long id = messages.recordIncoming("TS-2026-000504", "REQUEST", "EMAIL", "log@firma.cz", "Log", body, MONDAY_9,
        "<big-504@firma.cz>");

    assertThat(messages.byId(id).orElseThrow().body()).isEqualTo(body);
  }

  @Test
  void onlyTheRequestAndRepliesAreTheCustomersWordsNotBouncesOrAutoReplies() {
    java.time.Instant at = java.time.Instant.parse("2026-11-25T09:00:00Z");
    messages.recordIncoming("TS-2026-000509", "REQUEST", "EMAIL", "eva@firma.cz", "Dotaz", "Nejde tisk.", at, null);
    messages.recordIncoming("TS-2026-000509", "AUTO_REPLY", "EMAIL", "eva@firma.cz", "Nepřítomnost", "Jsem pryč.",
        at.plusSeconds(60), null);
    messages.recordIncoming("TS-2026-000509", "BOUNCE", "EMAIL", "mailer-daemon@firma.cz", "Undelivered", "550",
        at.plusSeconds(120), null);
    messages.recordIncoming("TS-2026-000509", "REPLY", "EMAIL", "eva@firma.cz", "RE: Dotaz", "Verze 5.3.2.",
        at.plusSeconds(180), null);

    assertThat(messages.fromCustomer("TS-2026-000509")).extracting(TicketMessage::kind)
        .containsExactly("REQUEST", "REPLY");
  }
}
