package cz.intouch.support.extranet;

import static cz.intouch.support.extranet.ExtranetTestSupport.csvRow;
import static cz.intouch.support.extranet.ExtranetTestSupport.mailsTo;
import static cz.intouch.support.extranet.ExtranetTestSupport.newIco;
import static cz.intouch.support.extranet.ExtranetTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.ticket.Channel;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The extranet's promises to customers and against attackers: mailed one-time links instead of passwords, a
 * company sees only its own tickets, expired contracts cannot log in, guessing passwords slows the guessing client
 * down without locking the owner out or telling whether the account exists.
 */
@SupportDeskTest
class ExtranetSecurityTest {

  private static final String PASSWORD = "Heslo-k-extranetu-1";

  @LocalServerPort int port;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TicketIntake intake;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAnonymousVisitorIsSentToTheLoginPageFromAnythingButTheAccountPages() throws Exception {
    ExtranetClient browser = new ExtranetClient(port);
    for (String path : new String[] {"/extranet", "/extranet/releases", "/extranet/tickets",
        "/extranet/tickets/TS-2026-000001", "/extranet/releases/5.3.2/installer", "/extranet/no-such-page"}) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/extranet/login");
    }
    for (String path : new String[] {"/extranet/login", "/extranet/set-password?token=x", "/extranet/reset"}) {
      HttpResponse<String> page = browser.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> v.contains("frame-ancestors 'none'"));
      assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
    assertThat(browser.get("/extranet/set-password?token=neplatny").body()).contains("neplatný");
  }

  @Test
  void aNewContactOfACompanyWithAValidContractSetsAPasswordThroughTheOneTimeLinkAndLogsIn() throws Exception {
    String email = "eva.nova@" + newIco() + ".cz";
    ExtranetClient browser = new ExtranetClient(port);
    assertThat(browser.importCustomers(csvRow(newIco(), "Nová firma s.r.o.", "2099-12-31", "Eva Nová", email))
        .body()).contains("\"imported\":1");

    var mail = mailsTo(mailServer.greenMail(), email).get(0);
    String text = String.valueOf(mail.getContent());
    assertThat(mail.getSubject()).isEqualTo("Přístup na extranet InTouch CRM");
    assertThat(text).contains("Nová firma s.r.o.", "http://127.0.0.1:8080/extranet/set-password?token=")
        .doesNotContainIgnoringCase("heslo je:");
    String token = token(mailServer.greenMail(), email);

    HttpResponse<String> tooShort = browser.submit("/extranet/set-password?token=" + token, "/extranet/set-password",
        Map.of("token", token, "password", "kratke", "passwordAgain", "kratke"));
    assertThat(tooShort.body()).contains("alespoň 10 znaků");

    HttpResponse<String> set = browser.submit("/extranet/set-password?token=" + token, "/extranet/set-password",
        Map.of("token", token, "password", PASSWORD, "passwordAgain", PASSWORD));
    assertThat(set.statusCode()).isEqualTo(302);
    assertThat(browser.get("/extranet/set-password?token=" + token).body()).as("single use").contains("už byl použit");

    String anonymousSession = browser.sessionId();
    HttpResponse<String> login = browser.login(email, PASSWORD);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/extranet/releases");
    assertThat(browser.sessionId()).as("session fixation protection").isNotNull().isNotEqualTo(anonymousSession);

    HttpResponse<String> releases = browser.get("/extranet/releases");
    assertThat(releases.statusCode()).isEqualTo(200);
    assertThat(releases.body()).contains("InTouch CRM", "5.3.2", "Postup instalace");
    HttpResponse<byte[]> installer = browser.getBytes("/extranet/releases/5.3.2/installer");
    assertThat(installer.statusCode()).isEqualTo(200);
    assertThat(installer.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains("attachment"));
    assertThat(new String(installer.body(), StandardCharsets.UTF_8)).contains("InTouch CRM 5.3.2");
    assertThat(browser.getBytes("/extranet/releases/5.4.0/installer").statusCode()).as("not published").isEqualTo(404);
  }

  @Test
  void contactsOfACompanyWithAnExpiredContractGetNoAccount() throws Exception {
    String email = "petr.stary@" + newIco() + ".cz";
    new ExtranetClient(port).importCustomers(csvRow(newIco(), "Stará firma s.r.o.", "2020-12-31", "Petr Starý", email));
    assertThat(mailsTo(mailServer.greenMail(), email)).isEmpty();
  }

  @Test
  void aRenewedContractOpensTheExtranetToTheContactsTheCompanyAlreadyHas() throws Exception {
    String ico = newIco();
    String email = "jana.obnovena@" + ico + ".cz";
    ExtranetClient admin = new ExtranetClient(port);
    admin.importCustomers(csvRow(ico, "Obnovená firma s.r.o.", "2020-12-31", "Jana Obnovená", email));
    assertThat(mailsTo(mailServer.greenMail(), email)).isEmpty();

    admin.importCustomers(csvRow(ico, "Obnovená firma s.r.o.", "2030-12-31", "Jana Obnovená", email));

    assertThat(token(mailServer.greenMail(), email)).isNotBlank();
    admin.importCustomers(csvRow(ico, "Obnovená firma s.r.o.", "2031-12-31", "Jana Obnovená", email));
    assertThat(mailsTo(mailServer.greenMail(), email)).as("one invitation, not one per import").hasSize(1);
  }

  @Test
  void aCustomerWhoseContractExpiredIsRefusedWithAClearMessage() throws Exception {
    String ico = newIco();
    String email = "iva.konecna@" + ico + ".cz";
    ExtranetClient browser = customerWithPassword(ico, "Končící firma s.r.o.", "Iva Konečná", email);
    browser.importCustomers(csvRow(ico, "Končící firma s.r.o.", "2021-01-31", "Iva Konečná", email));

    HttpResponse<String> login = new ExtranetClient(port).login(email, PASSWORD);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/extranet/login?error=expired");
    assertThat(browser.get("/extranet/login?error=expired").body()).contains("Smlouva o technické podpoře");
    // a wrong password on that account says nothing about the contract
    assertThat(new ExtranetClient(port).login(email, "spatne-heslo-123").headers().firstValue("Location")
        .orElseThrow()).endsWith("error=credentials");
  }

  @Test
  void wrongPasswordsAnswerTheSameForAnExistingAccountAndForAnUnknownName() throws Exception {
    String ico = newIco();
    String email = "hacker.cil@" + ico + ".cz";
    customerWithPassword(ico, "Cílová firma s.r.o.", "Ota Cílový", email);
    ExtranetClient probingAccount = new ExtranetClient(port, "198.51.100.11");
    ExtranetClient probingNobody = new ExtranetClient(port, "198.51.100.12");

    for (int attempt = 1; attempt <= 7; attempt++) {
      HttpResponse<String> existing = probingAccount.login(email, "hadam-heslo-" + attempt);
      HttpResponse<String> unknown = probingNobody.login("nikdo@" + ico + ".cz", "hadam-heslo-" + attempt);
      assertThat(existing.statusCode()).as("attempt " + attempt).isEqualTo(unknown.statusCode()).isEqualTo(302);
      URI redirect = URI.create(existing.headers().firstValue("Location").orElseThrow());
      String location = redirect.getPath() + "?" + redirect.getQuery();
      assertThat(existing.headers().firstValue("Location")).as("attempt " + attempt)
          .isEqualTo(unknown.headers().firstValue("Location"));
      assertThat(withoutCsrf(probingAccount.get(location).body())).as("attempt " + attempt)
          .isEqualTo(withoutCsrf(probingNobody.get(location).body()));
    }
    assertThat(probingAccount.get("/extranet/login?error=locked").body()).contains("dočasně zablokováno");
  }

  @Test
  void guessesFromOneAddressSlowDownThatAddressWhileTheOwnerLogsInFromAnother() throws Exception {
    String ico = newIco();
    String email = "vlastnik@" + ico + ".cz";
    customerWithPassword(ico, "Hlídaná firma s.r.o.", "Eva Hlídaná", email);
    ExtranetClient attacker = new ExtranetClient(port, "198.51.100.21");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(attacker.login(email, "hadam-heslo-" + attempt).headers().firstValue("Location").orElseThrow())
          .endsWith("error=credentials");
    }
    assertThat(attacker.login(email, PASSWORD).headers().firstValue("Location").orElseThrow())
        .as("even the right password from the guessing address").endsWith("error=locked");

    ExtranetClient owner = new ExtranetClient(port, "203.0.113.21");
    assertThat(owner.login(email, PASSWORD).headers().firstValue("Location").orElseThrow())
        .endsWith("/extranet/releases");
    assertThat(owner.get("/extranet/releases").statusCode()).isEqualTo(200);

    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plusSeconds(16 * 60)));
    assertThat(new ExtranetClient(port, "198.51.100.21").login(email, PASSWORD).headers().firstValue("Location")
        .orElseThrow()).as("the guessing address after the lock-out").endsWith("/extranet/releases");
  }

  @Test
  void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
    String ico = newIco();
    ExtranetClient browser = customerWithPassword(ico, "Formulářová firma s.r.o.", "Jana Formová", "jana@" + ico + ".cz");
    HttpResponse<String> forged = browser.post("/extranet/tickets/new",
        Map.of("subject", "Podvržený", "body", "Text", "programVersion", "5.3.2"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(new ExtranetClient(port).post("/extranet/login", Map.of("username", "jana@" + ico + ".cz",
        "password", PASSWORD)).statusCode()).isEqualTo(403);
  }

  @Test
  void aCompanySeesItsOwnTicketsAndNeverAnotherCompanys() throws Exception {
    String ico = newIco();
    ExtranetClient browser = customerWithPassword(ico, "Vlastní firma s.r.o.", "Karel Vlastní", "karel@" + ico + ".cz");
    HttpResponse<String> created = browser.submit("/extranet/tickets/new", "/extranet/tickets/new",
        Map.of("subject", "Nejde tisk faktur", "body", "Ve verzi 5.3.2 nejde tisknout faktury.", "programVersion", "5.3.2"));
    assertThat(created.statusCode()).isEqualTo(302);
    String own = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/tickets/", "");
    assertThat(own).matches("TS-\\d{4}-\\d{6}");
    assertThat(browser.get("/extranet/tickets").body()).contains(own, "Nejde tisk faktur");
    HttpResponse<String> detail = browser.get("/extranet/tickets/" + own);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("Ve verzi 5.3.2 nejde tisknout faktury.");

    String foreign = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Cizí tiket", "Tajné.",
        "28166345", null, "Jan Novák", "jan.novak@strojirny-horice.cz", "5.3.2", null, false, null));
    assertThat(browser.get("/extranet/tickets/" + foreign).statusCode()).isEqualTo(404);
    assertThat(browser.get("/extranet/tickets").body()).doesNotContain(foreign);
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"");
  }

  private ExtranetClient customerWithPassword(String ico, String company, String name, String email) throws Exception {
    ExtranetClient browser = new ExtranetClient(port);
    assertThat(browser.importCustomers(csvRow(ico, company, "2099-12-31", name, email)).statusCode()).isEqualTo(200);
    String token = token(mailServer.greenMail(), email);
    assertThat(browser.submit("/extranet/set-password?token=" + token, "/extranet/set-password",
        Map.of("token", token, "password", PASSWORD, "passwordAgain", PASSWORD)).statusCode()).isEqualTo(302);
    assertThat(browser.login(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/releases");
    return browser;
  }
}
