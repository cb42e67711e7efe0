package cz.intouch.support.extranet;

import static cz.intouch.support.extranet.ExtranetTestSupport.csvRow;
import static cz.intouch.support.extranet.ExtranetTestSupport.newIco;
import static cz.intouch.support.extranet.ExtranetTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.ticket.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer in a real browser (Debian's chromium through its chromedriver, installed by .ci/run): the mailed link,
 * a password, login, download, a new ticket in the list; another company's ticket stays hidden.
 */
@SupportDeskTest
class ExtranetBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String PASSWORD = "Prohlizec-heslo-42";

  @LocalServerPort int port;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TicketIntake intake;

  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (.ci/run installs them)");
    profile = Files.createTempDirectory("extranet-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void aNewContactSetsAPasswordFromTheMailLogsInDownloadsAndSubmitsATicket() throws Exception {
    String ico = newIco();
    String email = "marta.prohlizecova@" + ico + ".cz";
    assertThat(new ExtranetClient(port).importCustomers(
        csvRow(ico, "Prohlížečová s.r.o.", "2099-12-31", "Marta Prohlížečová", email)).statusCode()).isEqualTo(200);
    String base = "http://127.0.0.1:" + port;

    browser.get(base + "/extranet/set-password?token=" + token(mailServer.greenMail(), email));
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("passwordAgain")).sendKeys(PASSWORD);
    browser.findElement(By.id("set-password-submit")).click();
    // a click returns when the event is dispatched, not when the next page is there
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/extranet/login"));
    assertThat(browser.findElement(By.id("login-info")).getText()).contains("Heslo je nastaveno");

    browser.findElement(By.id("username")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/extranet/releases"));
    assertThat(browser.findElement(By.id("release-5.3.2")).getText()).contains("Postup instalace");

    // the download link, fetched with the browser's session as a download manager would
    String href = browser.findElement(By.cssSelector("#release-5\\.3\\.2 a.download")).getAttribute("href");
    String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
    HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).contains("InTouch CRM 5.3.2");

    browser.get(base + "/extranet/tickets/new");
    assertThat(browser.getPageSource()).contains("Marta Prohlížečová", ico);
    browser.findElement(By.id("subject")).sendKeys("Chybný popisek tlačítka");
    browser.findElement(By.id("programVersion")).sendKeys("5.3.2");
    browser.findElement(By.id("body")).sendKeys("Na kartě kontaktu je u tlačítka Uložit překlep.");
    browser.findElement(By.id("ticket-submit")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("ticket-number")).isEmpty());
    String ticketNumber = browser.findElement(By.id("ticket-number")).getText();
    assertThat(ticketNumber).matches("TS-\\d{4}-\\d{6}");

    browser.get(base + "/extranet/tickets");
    assertThat(browser.findElement(By.id("tickets")).getText()).contains(ticketNumber, "Chybný popisek tlačítka");

    String foreign = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Cizí", "Cizí tiket.",
        "28166345", null, "Jan Novák", "jan.novak@strojirny-horice.cz", "5.3.2", null, false, null));
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/extranet/tickets/" + foreign)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isIn(403, 404);
  }
}
