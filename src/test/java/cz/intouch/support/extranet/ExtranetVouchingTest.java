package cz.intouch.support.extranet;

import static cz.intouch.support.extranet.ExtranetTestSupport.csvRow;
import static cz.intouch.support.extranet.ExtranetTestSupport.mailsTo;
import static cz.intouch.support.extranet.ExtranetTestSupport.newIco;
import static cz.intouch.support.extranet.ExtranetTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.ticket.Channel;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An extranet account goes only to a contact whose address the company vouched for: imported by staff, confirmed by
 * an agent. Anyone can name a new person of a known company on a ticket; that makes a contact for identification,
 * never an account holder.
 */
@SupportDeskTest
class ExtranetVouchingTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TicketIntake intake;
  @Autowired CustomerRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;

  @Test
  void aPersonNamedOnATicketGetsNoAccountWhenTheContractIsRenewedAndCannotAskForAResetLink() throws Exception {
    String ico = newIco();
    String imported = "vera.radna@" + ico + ".cz";
    String stranger = "utocnik." + ico + "@example.net";
    ExtranetClient admin = new ExtranetClient(port);
    admin.importCustomers(csvRow(ico, "Obnovovaná firma s.r.o.", "2020-12-31", "Věra Řádná", imported));
    intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Dotaz", "Jak se tiskne faktura?", ico, null,
        "Petr Podvodný", stranger, "5.3.2", null, false, null));
    EngineTestSupport.runAsyncSteps(management); // identification, which registers the new contact
    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();
    long strangerContact = registry.findContact(companyId, "Petr Podvodný").orElseThrow().id();
    assertThat(registry.findContactByEmail(stranger)).as("the address still identifies its sender on tickets")
        .hasValueSatisfying(contact -> assertThat(contact.id()).isEqualTo(strangerContact));

    admin.importCustomers(csvRow(ico, "Obnovovaná firma s.r.o.", "2030-12-31", "Věra Řádná", imported));

    assertThat(token(mailServer.greenMail(), imported)).as("the imported contact's link").isNotBlank();
    assertThat(accountsOf(strangerContact)).as("account of the person named on a ticket").isZero();
    assertThat(accountMails(stranger)).as("account mails to the address from the ticket").isEmpty();

    ExtranetClient browser = new ExtranetClient(port);
    assertThat(browser.submit("/extranet/reset", "/extranet/reset", Map.of("email", stranger)).statusCode())
        .isEqualTo(200);
    assertThat(accountMails(stranger)).as("a reset link for the address from the ticket").isEmpty();
    assertThat(accountsOf(strangerContact)).isZero();
  }

  @Test
  void anAccountOfAContactNobodyVouchedForNeitherLogsInNorGetsAResetLink() throws Exception {
    // such accounts were created before the rule held: they stay in the table, but lead nowhere
    String ico = newIco();
    String stranger = "drive." + ico + "@example.net";
    new ExtranetClient(port).importCustomers(csvRow(ico, "Starší firma s.r.o.", "2099-12-31", "Olga Stará", ""));
    intake.open(new TicketIntake.NewRequest(Channel.PHONE, Instant.now(), "Dotaz", "Jak na export?", ico, null,
        "Karel Dřívější", stranger, "5.3.2", null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();
    long contactId = registry.findContact(companyId, "Karel Dřívější").orElseThrow().id();
    jdbc.update("INSERT INTO sd_extranet_account (contact_id, username, password_hash, created_at)"
        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)", contactId, stranger, ExtranetAccounts.PASSWORDS.encode("Stare-heslo-123"));

    ExtranetClient browser = new ExtranetClient(port);
    assertThat(browser.login(stranger, "Stare-heslo-123").headers().firstValue("Location").orElseThrow())
        .endsWith("error=credentials");
    browser.submit("/extranet/reset", "/extranet/reset", Map.of("email", stranger));
    assertThat(accountMails(stranger)).isEmpty();
  }

  private int accountsOf(long contactId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_extranet_account WHERE contact_id = ?", Integer.class,
        contactId);
  }

  /** Mails with a set-password link (invitation or reset); ticket mails are not what this is about. */
  private List<MimeMessage> accountMails(String address) {
    return mailsTo(mailServer.greenMail(), address).stream().filter(mail -> {
      try {
        return String.valueOf(mail.getContent()).contains("/extranet/set-password");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
