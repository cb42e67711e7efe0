package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.ticket.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An agent in Camunda Tasklist in a real browser (Debian's chromium through its chromedriver): every desk filter's
 * cards show the ticket, and "Úkoly podle termínu SLA" opens with the nearest deadline first, without touching the
 * sort control. A fresh database, so the deadlines on the first page are this test's.
 */
@SupportDeskTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class TasklistBrowserTest {

  /** The webapps' first load is several MB of script; on a busy build machine that takes its time. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOT = Path.of("target/screenshots/tasklist-sla-filter.png");
  private static final String NOVAK = "jan.novak@strojirny-horice.cz";
  private static final String COMPANY = "Strojírny Hořice s.r.o.";

  @LocalServerPort int port;
  @Autowired TicketIntake intake;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

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
        "--disable-dev-shm-usage", "--window-size=1600,1000", "--user-data-dir=" + profile);
    // an agent's Czech browser: headless Chromium ignores --lang; navigator.languages comes from this preference
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "cs-CZ,cs"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(PATIENCE);
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void anAgentSeesTheTicketOnEveryCardAndTheNearestSlaDeadlineFirst() throws Exception {
    Instant now = Instant.now();
    String serious = ticket("Program nejde spustit",
        "Po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.", now);
    // a common question from six days ago: its deadline (the next business day) has passed
    String overdue = ticket("Dotaz", "Dobrý den, jak nastavím uživatelská práva ve verzi 5.3.2?",
        now.minus(6, ChronoUnit.DAYS));
    // reclassified by an agent to less serious: seven days from the receipt two days ago
    String lessSerious = ticket("Program nejde spustit", "Program InTouch 5.3.2 nejde spustit, padá hned po startu.",
        now.minus(2, ChronoUnit.DAYS));
    tasks.complete(taskOf(lessSerious).getId(), Map.of("reclassifyTo", "LESS_SERIOUS"));
    EngineTestSupport.runAsyncSteps(management);
    tasks.claim(taskOf(serious).getId(), "agent");
    List<String> byDeadline = List.of(serious, overdue, lessSerious).stream()
        .sorted(Comparator.comparing(ticket -> taskOf(ticket).getDueDate())).toList();

    logIn("agent");

    List<String> myCards = openFilter(StaffAccessSetup.FILTER_MY_TASKS);
    assertThat(myCards).hasSize(1);
    assertThat(myCards.get(0)).contains(serious, COMPANY, "závažný problém", "Termín SLA");

    List<String> groupCards = openFilter(StaffAccessSetup.FILTER_GROUP_TASKS);
    assertThat(String.join("\n", groupCards)).contains(serious, overdue, lessSerious, "běžný dotaz",
        "méně závažný problém");
    assertThat(groupCards).allSatisfy(card -> assertThat(card).contains(COMPANY, "Termín SLA"));

    List<String> slaCards = openFilter(StaffAccessSetup.FILTER_BY_SLA);
    assertThat(slaCards).hasSize(3);
    assertThat(slaCards).allSatisfy(card -> assertThat(card).contains(COMPANY, "Naléhavost", "Termín SLA"));
    assertThat(slaCards.stream().map(TasklistBrowserTest::ticketNumberOf).toList()).isEqualTo(byDeadline);
    assertThat(browser.findElements(By.cssSelector(".tasks-list li.task .due-date.overdue"))).isNotEmpty();
    // the agent's Czech browser gets Tasklist's own texts in Czech too
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Vytvořit úkol", "Spustit proces")
        .doesNotContain("Create task");

    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
        StandardCopyOption.REPLACE_EXISTING);
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private String ticket(String subject, String body, Instant receivedAt) {
    String ticket = intake.open(new TicketIntake.NewRequest(Channel.WEB, receivedAt, subject, body, null, null, null,
        NOVAK, null, null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    assertThat(taskOf(ticket).getTaskDefinitionKey()).isEqualTo("UserTask_InitiateResolution");
    return ticket;
  }

  private Task taskOf(String ticket) {
    return tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
  }

  private void logIn(String user) {
    browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("input[type=password]"))
        .isEmpty());
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(".task-filter")).size() >= 3);
  }

  /** Clicks the filter as an agent does and answers the text of its cards, top down, once the list is stable. */
  private List<String> openFilter(String name) {
    WebElement filter = browser.findElements(By.cssSelector(".task-filter")).stream()
        .filter(element -> element.getText().contains(name)).findFirst().orElseThrow();
    filter.findElement(By.cssSelector("h4.name a")).click();
    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(".task-filter.active"))
        .stream().anyMatch(active -> active.getText().contains(name)));
    // the list loads, and for a filter with its own sorting reloads once more: wait until two reads agree
    List<List<String>> reads = new java.util.ArrayList<>();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(700)).ignoreExceptions().until(() -> {
      reads.add(cards());
      int last = reads.size() - 1;
      return last > 0 && reads.get(last).equals(reads.get(last - 1)) && String.join("", reads.get(last)).contains("TS-");
    });
    return reads.get(reads.size() - 1);
  }

  /** The visible text of each card (a re-rendered card throws StaleElementReferenceException: read again). */
  private List<String> cards() {
    return browser.findElements(By.cssSelector(".tasks-list li.task")).stream().map(WebElement::getText).toList();
  }

  private static String ticketNumberOf(String card) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("TS-\\d{4}-\\d{6}").matcher(card);
    assertThat(matcher.find()).as(card).isTrue();
    return matcher.group();
  }
}
