package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.TicketMessages;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent in a real browser (Debian's chromium): logs in to Tasklist, opens the task of a ticket whose mail had
 * attachments, reads the conversation in the tab "Konverzace" and downloads the log file with the Tasklist session.
 * The screenshot stays in target/screenshots/tasklist-conversation.png.
 */
@SupportDeskTest
class TasklistConversationBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @LocalServerPort int port;
  @Autowired MailboxPoller poller;
  @Autowired MailSettings settings;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TicketMessages ticketMessages;
  @Autowired TicketIntake intake;

  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (.ci/run installs them)");
    profile = Files.createTempDirectory("tasklist-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    // an agent's Czech browser: headless Chromium ignores --lang; navigator.languages comes from this preference
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "cs-CZ,cs"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().window().setSize(new Dimension(1600, 1100));
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
  void anAgentReadsTheConversationBesideTheTaskAndDownloadsTheCustomersLog() throws Exception {
    mailServer.greenMail().purgeEmailFromAllMailboxes();
    long mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
    new SupportMailbox(settings, mailServer).deliver(SupportMailbox.corpus("alternative-with-attachment.eml", Map.of()),
        Instant.now().minusSeconds(600));
    poller.pollOnce();
    String ticket = jdbc.queryForObject("SELECT ticket_number FROM sd_mail_intake WHERE id > ? AND outcome = "
        + "'TICKET_OPENED'", String.class, mark);
    EngineTestSupport.runAsyncSteps(management);
    // a customer who writes markup gets it shown as text, never run (stored XSS)
    ticketMessages.recordIncoming(ticket, "REPLY", "EMAIL", "jan.novak@strojirny-horice.cz", "<b>Odpověď</b>",
        "Zkouška: <img src=x onerror=\"window.sdXss=1\"><script>window.sdXss=2</script>", Instant.now(), null);
    String second = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Tisk faktur",
        "Tisk faktur končí chybou.", "28166345", null, "Jan Novák", "jan.novak@strojirny-horice.cz",
        "5.3.2", null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    Task secondTask = tasks.createTaskQuery().processInstanceBusinessKey(second).singleResult();
    assertThat(task).as("the agents' task of " + ticket).isNotNull();
    String base = "http://127.0.0.1:" + port;

    browser.get(base + "/camunda/app/tasklist/default/");
    logIn("agent");

    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + task.getId()
        + "&detailsTab=intouch-ticket-conversation");
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> browser.findElements(By.cssSelector(
          "#ticket-conversation .sd-message")).size() >= 3);
    } catch (RuntimeException | AssertionError notShown) {
      screenshot("tasklist-conversation-failure.png");
      throw new AssertionError("tab shows: " + browser.findElements(By.id("ticket-conversation")).stream()
          .map(WebElement::getText).toList(), notShown);
    }

    List<WebElement> messages = browser.findElements(By.cssSelector("#ticket-conversation .sd-message"));
    assertThat(messages.get(0).getAttribute("data-author")).isEqualTo("CUSTOMER");
    assertThat(messages.get(0).getText()).contains("Zákazník", "import zákazníků ve verzi 5.3.2",
        "výpis chyby.log",
        "data.bin");
    assertThat(messages.get(1).getAttribute("data-author")).isEqualTo("AUTOMATIC");
    assertThat(messages.get(1).getText()).contains("Automatická zpráva", "[" + ticket + "]");
    assertThat(browser.findElement(By.id("ticket-conversation")).getText()).contains("Tiket " + ticket)
        .doesNotContain("Otevřít tiket v Cockpitu");
    assertThat(messages.get(2).getAttribute("data-author")).isEqualTo("CUSTOMER");
    assertThat(messages.get(2).getText()).contains("<b>Odpověď</b>", "<img src=x onerror=", "<script>");
    assertThat(browser.findElements(By.cssSelector("#ticket-conversation img, #ticket-conversation script, "
        + "#ticket-conversation b"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.sdXss === undefined")).isEqualTo(true);
    assertThat(browser.getPageSource()).contains("Konverzace");
    // Tasklist's own tabs and actions in Czech for the agent's Czech browser
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Formulář", "Historie",
        "Nastavit datum sledování").doesNotContain("Set follow-up date");
    screenshot("tasklist-conversation.png");
    String href = messages.get(0).findElement(By.cssSelector("a.sd-download")).getDomProperty("href");

    // another task picked in the list (Tasklist changes the URL and renders the open tab again): its ticket is shown
    ((JavascriptExecutor) browser).executeScript("window.location.hash = arguments[0]",
        "#/?task=" + secondTask.getId() + "&detailsTab=intouch-ticket-conversation");
    try {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.findElement(
          By.id("ticket-conversation")).getText()).contains("Tiket " + second));
    } finally {
      screenshot("tasklist-conversation-next-task.png");
    }
    assertThat(browser.findElement(By.id("ticket-conversation")).getText()).contains("Tisk faktur končí chybou")
        .doesNotContain("výpis chyby.log");

    // the link the agent clicks, fetched with the browser's Tasklist session as its download manager would
    String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
    HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
        assertThat(v).startsWith("attachment;").contains("v%C3%BDpis%20chyby.log"));
    assertThat(download.body()).contains("ERROR import: řádek 12");
    // without the session the same link is closed
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
  }

  /**
   * Tasklist first renders its start page, then routes an anonymous user to #/login and renders the form again: what
   * is typed before that second rendering is lost. On a loaded machine that can happen after the form was found, so
   * a login whose form is still there is typed again, within the same patience as the other browser waits.
   */
  private void logIn(String user) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
      List<WebElement> names = browser.findElements(By.cssSelector("input[ng-model='username']"));
      if (names.isEmpty()) {
        return browser.getCurrentUrl().contains("#/login") ? false : !browser.findElements(By.cssSelector(
            ".task-filter")).isEmpty();
      }
      if (names.get(0).getDomProperty("value").isEmpty()) {
        names.get(0).sendKeys(user);
        WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
        password.clear();
        password.sendKeys(user); // demo password = user name
        browser.findElement(By.cssSelector("button[type='submit']")).click();
      }
      return false;
    });
  }

  private void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots", name);
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
