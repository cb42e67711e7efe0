package cz.intouch.support.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.intouch.support.mail.MailTemplates.RenderedMail;
import cz.intouch.support.ticket.DeskTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

  private static final ZonedDateTime MONDAY_16 = ZonedDateTime.of(2026, 11, 30, 16, 0, 0, 0, DeskTime.ZONE);

  private final MailTemplates templates = new MailTemplates();

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void everyKindHasATemplateWithASubjectUsingOnlyItsDeclaredPlaceholders(MessageKind kind) throws IOException {
    String text = resource(kind.templatePath());
    assertThat(text).startsWith("Subject: ");
    assertThat(text.lines().skip(1).findFirst()).contains("");
    Set<String> declared = new HashSet<>(kind.placeholders());
    declared.add(MessageKind.TICKET_NUMBER);
    assertThat(MailTemplates.namesUsedIn(text)).isSubsetOf(declared);
    // what a kind declares, its template uses: the list in MessageKind is the template's documentation
    assertThat(MailTemplates.namesUsedIn(text)).containsAll(kind.placeholders());
  }

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void everyKindRendersFromAFullModelWithoutLeftovers(MessageKind kind) {
    RenderedMail mail = templates.render(kind, fullModel());
    assertThat(mail.subject()).isNotBlank().doesNotContain("{{").doesNotContain("\n");
    assertThat(mail.body()).doesNotContain("{{").doesNotContain("}}").startsWith(
        kind.audience() == MessageKind.Audience.CUSTOMER ? "Dobrý den," : "");
    if (kind.audience() == MessageKind.Audience.CUSTOMER) {
      assertThat(mail.body()).contains("Technická podpora InTouch CRM", "478 571 021", "support@intouch-crm.cz");
    }
  }

  @Test
  void anAcknowledgementNamesTheUrgencyAndTheDeadline() {
    RenderedMail mail = templates.render(MessageKind.ACKNOWLEDGEMENT,
        Map.of("ticketNumber", "TS-2026-000123", "urgency", "SERIOUS", "slaDeadline", MONDAY_16));
    assertThat(mail.body()).contains("TS-2026-000123", "závažný problém",
        "Aktivní řešení zahájíme nejpozději do pondělí 30. listopadu 2026 16:00.")
        .doesNotContain("nejbližší oficiální verzi");
  }

  @Test
  void aCosmeticBlemishIsPromisedForTheNextReleaseInsteadOfADeadline() {
    RenderedMail mail = templates.render(MessageKind.ACKNOWLEDGEMENT,
        Map.of("ticketNumber", "TS-2026-000123", "urgency", "COSMETIC"));
    assertThat(mail.body()).contains("kosmetická vada", "v nejbližší oficiální verzi programu InTouch CRM")
        .doesNotContain("termín");
  }

  @Test
  void aProcessDateVariableReadsAsADeadline() {
    Map<String, Object> model = new HashMap<>(fullModel());
    model.put("slaDeadline", Date.from(MONDAY_16.toInstant()));
    assertThat(templates.render(MessageKind.ACKNOWLEDGEMENT, model).body()).contains("pondělí 30. listopadu 2026 16:00");
  }

  @Test
  void missingItemsAreListedOnePerLine() {
    RenderedMail mail = templates.render(MessageKind.MISSING_IDENTIFICATION, Map.of("ticketNumber", "TS-2026-000123",
        "missingItems", List.of("IČO nebo název Vaší společnosti", "- jméno a příjmení uživatele")));
    assertThat(mail.body()).contains("\n- IČO nebo název Vaší společnosti\n- jméno a příjmení uživatele\n");
  }

  @Test
  void anOutOfScopeRefusalNamesTheServiceAndTheSalesContacts() {
    RenderedMail mail = templates.render(MessageKind.REFUSED_OUT_OF_SCOPE,
        Map.of("ticketNumber", "TS-2026-000123", "outOfScopeCategory", "PROGRAMMING"));
    assertThat(mail.body()).contains("„programátorské práce“", "obchod@anneca.cz", "sales@anneca.cz");
  }

  @Test
  void aContractDateReadsInWords() {
    RenderedMail mail = templates.render(MessageKind.CONTRACT_EXPIRED,
        Map.of("ticketNumber", "TS-2026-000123", "contractValidUntil", LocalDate.of(2026, 12, 31)));
    assertThat(mail.body()).contains("31. prosince 2026", "sales@anneca.cz");
  }

  @Test
  void aCompanyWithoutAContractDateIsToldItHasNoContract() {
    RenderedMail notice = templates.render(MessageKind.CONTRACT_EXPIRED, Map.of("ticketNumber", "TS-2026-000123"));
    assertThat(notice.body()).contains("jsme Vaši společnost nenašli").doesNotContain("skončila");
    RenderedMail refusal = templates.render(MessageKind.REFUSED_EXPIRED_CONTRACT, Map.of("ticketNumber",
        "TS-2026-000123"));
    assertThat(refusal.body()).contains("nemá s námi platnou smlouvu").doesNotContain("skončila");
  }

  @Test
  void aMissingValueFailsLoudly() {
    assertThatThrownBy(() -> templates.render(MessageKind.AGENT_REPLY, Map.of("ticketNumber", "TS-2026-000123")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{agentMessage}}");
  }

  @Test
  void anAgentsTextIsPrintedVerbatimEvenWithBraces() {
    RenderedMail mail = templates.render(MessageKind.AGENT_REPLY,
        Map.of("ticketNumber", "TS-2026-000123", "agentMessage", "Zadejte {{jméno}} a $1 \\ dál."));
    assertThat(mail.body()).contains("Zadejte {{jméno}} a $1 \\ dál.");
  }

  @Test
  void aTemplateWithAnUndeclaredPlaceholderStopsTheStart() {
    assertThatThrownBy(() -> MailTemplates.parse(MessageKind.ACKNOWLEDGEMENT, "acknowledgement.txt",
        "Subject: Potvrzení\n\nDobrý den, {{customerMood}}\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown placeholder {{customerMood}}");
  }

  @Test
  void aTemplateWithoutSubjectLineIsRefused() {
    assertThatThrownBy(() -> MailTemplates.parse(MessageKind.TICKET_CLOSED, "ticket-closed.txt", "Dobrý den,\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Subject");
  }

  @Test
  void aMissingTemplateStopsTheStart() {
    assertThatThrownBy(() -> new MailTemplates("no-such-folder"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
  }

  private static Map<String, Object> fullModel() {
    return Map.ofEntries(
        Map.entry("ticketNumber", "TS-2026-000123"),
        Map.entry("urgency", "LESS_SERIOUS"),
        Map.entry("slaDeadline", MONDAY_16),
        Map.entry("missingItems", List.of("verzi programu InTouch CRM, kterou používáte")),
        Map.entry("contractValidUntil", LocalDate.of(2026, 6, 30)),
        Map.entry("outOfScopeCategory", "ON_SITE"),
        Map.entry("agentMessage", "Zkuste prosím vyprázdnit mezipaměť."),
        Map.entry("releaseVersion", "8.4.2"),
        Map.entry("extranetUrl", "https://www.anneca.cz/extranet"),
        Map.entry("companyName", "Příkladová s.r.o."),
        Map.entry("contactName", "Jan Novák"),
        Map.entry("passwordLink", "http://127.0.0.1:8080/extranet/set-password?token=abc"),
        Map.entry("linkValidUntil", MONDAY_16),
        Map.entry("taskUrl", "http://127.0.0.1:8080/camunda/app/tasklist/default/#/?task=42"),
        Map.entry("attachmentLimit", "10 MB"),
        Map.entry("breachCount", 1),
        Map.entry("warningCount", 1),
        Map.entry("breaches", List.of("TS-2026-000123 – Příkladová s.r.o. – závažný problém")),
        Map.entry("warnings", List.of("TS-2026-000124 – Příkladová s.r.o. – závažný problém")));
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = MailTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
