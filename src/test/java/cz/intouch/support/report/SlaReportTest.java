package cz.intouch.support.report;

import static cz.intouch.support.ticket.TicketVariables.INITIATE_RESOLUTION_TASK;
import static cz.intouch.support.ticket.TicketVariables.SLA_BREACHED_TIMER;
import static cz.intouch.support.ticket.TicketVariables.SUPPORT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.release.ProgramVersion;
import cz.intouch.support.release.ReleaseKind;
import cz.intouch.support.release.ReleaseRegister;
import cz.intouch.support.ticket.Channel;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' SLA figures against a scenario whose answers are known: ten tickets of Strojírny Hořice received
 * from December to this week, started before or after their deadlines by moving the engine clock, one reclassified,
 * one handed over, one escalated, two cosmetic ones in two planned releases. "Now" is Wednesday 18 March 2026 15:00.
 * The report covers the whole desk, so the scenario starts on a desk without tickets: those other test classes left
 * in the shared context are removed first (a context of its own would restart the engine under the webapps, which
 * then fail for the classes after it).
 */
@SupportDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaReportTest {

  static final String NOVAK = "jan.novak@strojirny-horice.cz";
  static final String COMPANY = "Strojírny Hořice s.r.o.";
  static final String NOW = "2026-03-18T15:00:00+01:00";
  private static final String SERIOUS_TEXT =
      "Dobrý den, po aktualizaci na verzi 5.3.2 program vůbec nejde spustit, nikdo ve firmě nemůže pracovat.";
  private static final String QUESTION_TEXT = "Dobrý den, jak nastavím uživatelská práva ve verzi 5.3.2?";
  private static final String COSMETIC_TEXT =
      "Dobrý den, v menu Nastavení je překlep v popisku, jinak vše funguje. Verze 5.3.2.";

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @LocalServerPort int port;
  @Autowired TicketIntake intake;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ReleaseRegister releases;
  @Autowired ObjectMapper json;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  /** Tickets of the scenario by their letter. */
  final Map<String, ProcessInstance> tickets = new java.util.HashMap<>();

  /** Built once, before the first test (process test coverage needs a running test, so not in @BeforeAll). */
  @BeforeEach
  void scenario() {
    if (!tickets.isEmpty()) {
      ClockUtil.setCurrentTime(at(NOW));
      return;
    }
    List<String> others = history.createHistoricProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).list()
        .stream().map(instance -> instance.getId()).toList();
    if (!others.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(others, "SlaReportTest starts on an empty desk", true, true, false);
      history.deleteHistoricProcessInstancesIfExists(others);
    }
    jdbc.update("DELETE FROM sd_release_ticket");
    // the instances went without their listeners: their rows of the report's own table go by hand, as above
    jdbc.update("DELETE FROM sd_sla_ticket");
    // outside the 12 weeks (from Monday 29 Dec 2025): started late, counts nowhere
    open("I", "Program nejde spustit", SERIOUS_TEXT, "2025-12-01T09:00:00+01:00");
    startResolution("I", "2025-12-03T10:00:00+01:00");
    // week of 2 March: A started in 2 h (deadline Tue 3 Mar 16:00), B after its deadline (Wed 4 Mar 16:00)
    open("A", "Program nejde spustit", SERIOUS_TEXT, "2026-03-02T09:00:00+01:00");
    startResolution("A", "2026-03-02T11:00:00+01:00");
    open("B", "Program nejde spustit", SERIOUS_TEXT, "2026-03-03T10:00:00+01:00");
    // D: reclassified an hour after receipt, so its deadline becomes receipt + 7 days (Wed 11 Mar 10:00)
    open("D", "Program nejde spustit", SERIOUS_TEXT, "2026-03-04T10:00:00+01:00");
    complete(initiateResolution("D"), "2026-03-04T11:00:00+01:00", Map.of("reclassifyTo", "LESS_SERIOUS"));
    startResolution("B", "2026-03-05T09:00:00+01:00");
    complete(task("B", "UserTask_ResolveFirstLevel"), "2026-03-05T10:00:00+01:00", Map.of("outcome", "HANDOVER"));
    // week of 9 March: C (deadline Tue 10 Mar 16:00) and D met
    open("C", "Dotaz na práva", QUESTION_TEXT, "2026-03-09T09:00:00+01:00");
    startResolution("D", "2026-03-10T10:00:00+01:00");
    open("H1", "Překlep v menu", COSMETIC_TEXT, "2026-03-10T11:00:00+01:00");
    complete(task("H1", "UserTask_PlanIntoRelease"), "2026-03-10T11:30:00+01:00", Map.of());
    startResolution("C", "2026-03-10T15:00:00+01:00");
    open("H2", "Překlep v menu", COSMETIC_TEXT, "2026-03-11T10:00:00+01:00");
    // this week: E breached (deadline Tue 17 Mar 16:00, escalated), F past its warning, G within its time
    open("E", "Program nejde spustit", SERIOUS_TEXT, "2026-03-16T09:00:00+01:00");
    open("F", "Program nejde spustit", SERIOUS_TEXT, "2026-03-17T14:00:00+01:00");
    Job breach = management.createJobQuery().processInstanceId(tickets.get("E").getId())
        .activityId(SLA_BREACHED_TIMER).singleResult();
    ClockUtil.setCurrentTime(breach.getDuedate());
    management.executeJob(breach.getId());
    EngineTestSupport.runAsyncSteps(management);
    open("G", "Dotaz na práva", QUESTION_TEXT, "2026-03-18T09:00:00+01:00");
    // the cosmetic backlog: H2 in 9.8.0 (marked fixed), H1 in 9.9.0 (versions no other test plans)
    releases.plan(ProgramVersion.parse("9.8.0"), ReleaseKind.MINOR, LocalDate.of(2027, 1, 31));
    releases.plan(ProgramVersion.parse("9.9.0"), ReleaseKind.MINOR, LocalDate.of(2027, 6, 30));
    releases.moveTicket(tickets.get("H2").getBusinessKey(), ProgramVersion.parse("9.8.0"));
    releases.moveTicket(tickets.get("H1").getBusinessKey(), ProgramVersion.parse("9.9.0"));
    releases.markFixed(ProgramVersion.parse("9.8.0"), List.of(tickets.get("H2").getBusinessKey()));
    ClockUtil.setCurrentTime(at(NOW));
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyFigureOfTheScenarioInJson() throws Exception {
    HttpResponse<String> response = get("/api/reports/sla", "manager", "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> type.startsWith("application/json"));
    JsonNode report = json.readTree(response.body());

    assertThat(report.at("/generatedAt").asText()).isEqualTo(NOW);
    assertThat(report.at("/open/total").asInt()).isEqualTo(10);
    assertThat(json.convertValue(report.at("/open/byUrgency"), Map.class)).isEqualTo(Map.of(
        "COMMON_QUESTION", 2, "SERIOUS", 5, "LESS_SERIOUS", 1, "COSMETIC", 2));
    // B is with the specialists; E, escalated, with both groups; every other open task with the agents
    assertThat(json.convertValue(report.at("/open/byCandidateGroup"), Map.class)).isEqualTo(Map.of(
        "support-agents", 8, "support-specialists", 2));

    assertThat(report.at("/warningPassed")).hasSize(1);
    assertWaiting(report.at("/warningPassed/0"), "F", "SERIOUS", "2026-03-18T16:00:00+01:00");
    assertThat(report.at("/breached")).hasSize(1);
    assertWaiting(report.at("/breached/0"), "E", "SERIOUS", "2026-03-17T16:00:00+01:00");

    JsonNode compliance = report.at("/compliance");
    assertThat(compliance.at("/from").asText()).isEqualTo("2025-12-29");
    assertThat(compliance.at("/until").asText()).isEqualTo("2026-03-22");
    assertShare(compliance.at("/total"), 3, 2, 60.0);
    assertThat(compliance.at("/weeks")).hasSize(12);
    for (int week = 0; week < 12; week++) {
      JsonNode row = compliance.at("/weeks/" + week);
      assertThat(row.at("/weekStart").asText()).isEqualTo(LocalDate.of(2025, 12, 29).plusWeeks(week).toString());
      switch (week) {
        case 9 -> assertShare(row.at("/share"), 1, 1, 50.0);   // 2 March: A met, B late
        case 10 -> assertShare(row.at("/share"), 2, 0, 100.0); // 9 March: C, D met
        case 11 -> assertShare(row.at("/share"), 0, 1, 0.0);   // this week: E breached; F, G not yet due
        default -> assertShare(row.at("/share"), 0, 0, null);
      }
    }
    assertThat(compliance.at("/byUrgency")).hasSize(3);
    assertThat(compliance.at("/byUrgency/0/urgency").asText()).isEqualTo("COMMON_QUESTION");
    assertShare(compliance.at("/byUrgency/0/share"), 1, 0, 100.0);
    assertThat(compliance.at("/byUrgency/1/urgency").asText()).isEqualTo("SERIOUS");
    assertShare(compliance.at("/byUrgency/1/share"), 1, 2, 33.3);
    assertThat(compliance.at("/byUrgency/2/urgency").asText()).isEqualTo("LESS_SERIOUS");
    assertShare(compliance.at("/byUrgency/2/share"), 1, 0, 100.0);

    // A 2 h, C 30 h, B 47 h, D 144 h: median 38.5 h, 90th percentile 47 h + 0.7 × 97 h
    assertThat(report.at("/timeToStart/tickets").asInt()).isEqualTo(4);
    assertThat(report.at("/timeToStart/medianMinutes").asLong()).isEqualTo(2310);
    assertThat(report.at("/timeToStart/p90Minutes").asLong()).isEqualTo(6894);

    // other planned releases (the demo's, other tests') wait for none of these tickets
    JsonNode backlog = report.at("/cosmeticBacklog");
    assertThat(backlog.at("/unassigned").asInt()).isEqualTo(0);
    int planned = 0;
    for (JsonNode release : backlog.at("/releases")) {
      switch (release.at("/version").asText()) {
        case "9.8.0" -> assertRelease(release, "2027-01-31", 1, 1);
        case "9.9.0" -> assertRelease(release, "2027-06-30", 1, 0);
        default -> assertRelease(release, release.at("/plannedOn").asText(), 0, 0);
      }
      planned++;
    }
    assertThat(planned).isEqualTo(releases.planned().size());
    assertThat(backlog.at("/releases").findValuesAsText("version")).containsSubsequence("9.8.0", "9.9.0");
  }

  private static void assertRelease(JsonNode release, String plannedOn, int tickets, int fixed) {
    assertThat(release.at("/plannedOn").asText()).isEqualTo(plannedOn);
    assertThat(release.at("/tickets").asInt()).isEqualTo(tickets);
    assertThat(release.at("/fixed").asInt()).isEqualTo(fixed);
  }

  @Test
  void theSameFiguresAsCsv() throws Exception {
    HttpResponse<String> response = get("/api/reports/sla", "admin", "text/csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"sla-2026-03-18.csv\"");
    String e = tickets.get("E").getBusinessKey();
    String f = tickets.get("F").getBusinessKey();
    // other planned releases (the demo's, other tests') come with 0 tickets between or before ours
    List<String> lines = response.body().lines().filter(line -> !line.startsWith("cosmetic_backlog,")
        || line.matches("cosmetic_backlog,(9\\.[89]\\.0|unassigned),.*")).toList();
    assertThat(lines).containsExactly(
        "section,key,metric,value",
        "report,,generatedAt," + NOW,
        "open,total,tickets,10",
        "open_by_urgency,COMMON_QUESTION,tickets,2",
        "open_by_urgency,SERIOUS,tickets,5",
        "open_by_urgency,LESS_SERIOUS,tickets,1",
        "open_by_urgency,COSMETIC,tickets,2",
        "open_by_group,support-agents,tickets,8",
        "open_by_group,support-specialists,tickets,2",
        "warning_passed,total,tickets,1",
        "warning_passed," + f + ",companyName," + COMPANY,
        "warning_passed," + f + ",urgency,SERIOUS",
        "warning_passed," + f + ",slaDeadline,2026-03-18T16:00:00+01:00",
        "warning_passed," + f + ",processInstanceId," + tickets.get("F").getId(),
        "breached,total,tickets,1",
        "breached," + e + ",companyName," + COMPANY,
        "breached," + e + ",urgency,SERIOUS",
        "breached," + e + ",slaDeadline,2026-03-17T16:00:00+01:00",
        "breached," + e + ",processInstanceId," + tickets.get("E").getId(),
        "compliance,total,met,3", "compliance,total,breached,2", "compliance,total,percent,60.0",
        "compliance_by_week,2025-12-29,met,0", "compliance_by_week,2025-12-29,breached,0",
        "compliance_by_week,2025-12-29,percent,",
        "compliance_by_week,2026-01-05,met,0", "compliance_by_week,2026-01-05,breached,0",
        "compliance_by_week,2026-01-05,percent,",
        "compliance_by_week,2026-01-12,met,0", "compliance_by_week,2026-01-12,breached,0",
        "compliance_by_week,2026-01-12,percent,",
        "compliance_by_week,2026-01-19,met,0", "compliance_by_week,2026-01-19,breached,0",
        "compliance_by_week,2026-01-19,percent,",
        "compliance_by_week,2026-01-26,met,0", "compliance_by_week,2026-01-26,breached,0",
        "compliance_by_week,2026-01-26,percent,",
        "compliance_by_week,2026-02-02,met,0", "compliance_by_week,2026-02-02,breached,0",
        "compliance_by_week,2026-02-02,percent,",
        "compliance_by_week,2026-02-09,met,0", "compliance_by_week,2026-02-09,breached,0",
        "compliance_by_week,2026-02-09,percent,",
        "compliance_by_week,2026-02-16,met,0", "compliance_by_week,2026-02-16,breached,0",
        "compliance_by_week,2026-02-16,percent,",
        "compliance_by_week,2026-02-23,met,0", "compliance_by_week,2026-02-23,breached,0",
        "compliance_by_week,2026-02-23,percent,",
        "compliance_by_week,2026-03-02,met,1", "compliance_by_week,2026-03-02,breached,1",
        "compliance_by_week,2026-03-02,percent,50.0",
        "compliance_by_week,2026-03-09,met,2", "compliance_by_week,2026-03-09,breached,0",
        "compliance_by_week,2026-03-09,percent,100.0",
        "compliance_by_week,2026-03-16,met,0", "compliance_by_week,2026-03-16,breached,1",
        "compliance_by_week,2026-03-16,percent,0.0",
        "compliance_by_urgency,COMMON_QUESTION,met,1", "compliance_by_urgency,COMMON_QUESTION,breached,0",
        "compliance_by_urgency,COMMON_QUESTION,percent,100.0",
        "compliance_by_urgency,SERIOUS,met,1", "compliance_by_urgency,SERIOUS,breached,2",
        "compliance_by_urgency,SERIOUS,percent,33.3",
        "compliance_by_urgency,LESS_SERIOUS,met,1", "compliance_by_urgency,LESS_SERIOUS,breached,0",
        "compliance_by_urgency,LESS_SERIOUS,percent,100.0",
        "time_to_start,,tickets,4", "time_to_start,,medianMinutes,2310", "time_to_start,,p90Minutes,6894",
        "cosmetic_backlog,9.8.0,plannedOn,2027-01-31", "cosmetic_backlog,9.8.0,tickets,1",
        "cosmetic_backlog,9.8.0,fixed,1",
        "cosmetic_backlog,9.9.0,plannedOn,2027-06-30", "cosmetic_backlog,9.9.0,tickets,1",
        "cosmetic_backlog,9.9.0,fixed,0",
        "cosmetic_backlog,unassigned,tickets,0");
  }

  @ParameterizedTest(name = "{0} gets {1}")
  @CsvSource({"manager, 200", "admin, 200", "agent, 403", "specialist, 403", ", 401"})
  void onlyManagersAndAdminsReadTheReport(String user, int status) throws Exception {
    HttpResponse<String> response = get("/api/reports/sla", user, null);
    assertThat(response.statusCode()).isEqualTo(status);
    if (status != 200) {
      assertThat(response.body()).contains("\"error\":\"" + (status == 401 ? "unauthorized" : "forbidden") + "\"");
    }
  }

  /** The Cockpit dashboard's way in: the webapp session's cookie, no Basic credentials. */
  @ParameterizedTest(name = "{0}'s webapp session gets {2}")
  @CsvSource({"manager, cockpit, 200", "admin, cockpit, 200", "agent, tasklist, 403"})
  void aWebappSessionReadsTheReportAsItsUser(String user, String app, int status) throws Exception {
    HttpClient browser = webappLogin(user, app);
    HttpResponse<String> report = browser.send(HttpRequest.newBuilder(uri("/api/reports/sla")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(status);
  }

  @Test
  void aWebappSessionChangesNothingThroughTheApi() throws Exception {
    HttpClient browser = webappLogin("manager", "cockpit");
    // a manager may recalculate with Basic; a request riding on the session cookie is anonymous
    HttpResponse<String> recalculate = browser.send(HttpRequest.newBuilder(uri("/api/sla/recalculate"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(recalculate.statusCode()).isEqualTo(401);
    HttpResponse<String> loggedOut = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/reports/sla"))
        .header("Cookie", "JSESSIONID=not-a-session").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loggedOut.statusCode()).isEqualTo(401);
  }

  /** The Cockpit plugin in Chromium: the manager logs in to Cockpit and finds the scenario's figures. */
  @Test
  void theCockpitDashboardShowsTheFiguresToTheManager() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (.ci/run installs them)");
    Path profile = Files.createTempDirectory("cockpit-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,2400", "--lang=cs", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/");
      // Cockpit's own login form (the page sends the CSRF token with it). On a busy machine Cockpit's scripts start
      // slowly and its first, anonymous calls send it back to a fresh, empty login form after a while: fill in and
      // submit whichever form is there until the dashboard shows.
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3)).until(() -> {
        if (!browser.findElements(By.id("sla-open-total")).isEmpty() || !browser.findElements(By.id("sla-error")).isEmpty()) {
          return true;
        }
        List<WebElement> user = browser.findElements(By.cssSelector("input[ng-model='username']"));
        List<WebElement> password = browser.findElements(By.cssSelector("input[type='password'][ng-model='password']"));
        if (user.size() == 1 && password.size() == 1) {
          for (WebElement field : List.of(user.get(0), password.get(0))) {
            if (!field.getDomAttribute("class").contains("ng-not-empty")) {
              field.clear();
              field.sendKeys("manager");
            }
          }
          if (user.get(0).getDomAttribute("class").contains("ng-not-empty")
              && password.get(0).getDomAttribute("class").contains("ng-not-empty")) {
            browser.findElement(By.cssSelector("button[type='submit']")).click();
          }
        }
        return false;
      });
      assertThat(browser.findElements(By.id("sla-error"))).isEmpty();

      WebElement dashboard = browser.findElement(By.id("sla-dashboard"));
      assertThat(browser.findElement(By.id("sla-open-total")).getText()).isEqualTo("10 otevřených tiketů");
      assertThat(browser.findElement(By.id("sla-warning-count")).getText()).isEqualTo("1 po upozornění");
      assertThat(browser.findElement(By.id("sla-breached-count")).getText()).isEqualTo("1 po termínu SLA");
      assertThat(browser.findElement(By.id("sla-compliance-total")).getText()).isEqualTo("60 % včas za 12 týdnů (3 z 5)");
      assertThat(browser.findElement(By.id("sla-open")).getText()).contains("závažný problém 5", "běžný dotaz 2",
          "méně závažný problém 1", "kosmetická vada 2", "1. úroveň (agenti) 8", "2. úroveň (specialisté) 2");
      String e = tickets.get("E").getBusinessKey();
      WebElement breached = browser.findElement(By.id("sla-breached"));
      assertThat(breached.getText()).contains(e, COMPANY, "závažný problém", "17. 3. 2026 16:00");
      assertThat(breached.findElement(By.linkText(e)).getAttribute("href")).endsWith(
          "/camunda/app/cockpit/default/#/process-instance/" + tickets.get("E").getId());
      assertThat(browser.findElement(By.id("sla-warning")).getText())
          .contains(tickets.get("F").getBusinessKey(), "18. 3. 2026 16:00");
      assertThat(browser.findElements(By.cssSelector("#sla-weeks-chart rect.sla-bar"))).hasSize(12);
      assertThat(browser.findElement(By.id("sla-weeks-chart")).getText()).contains("50 %", "100 %", "0 %", "2. 3.");
      assertThat(browser.findElements(By.cssSelector("#sla-urgency-chart rect.sla-bar"))).hasSize(3);
      assertThat(browser.findElement(By.id("sla-urgency-chart")).getText()).contains("33 %", "1/3");
      assertThat(browser.findElement(By.id("sla-time")).getText()).contains("4 38,5 h 114,9 h");
      assertThat(browser.findElement(By.id("sla-backlog")).getText())
          .contains("9.8.0 31. 1. 2027 1 1", "9.9.0 30. 6. 2027 1 0", "bez vydání – 0 –");

      new Actions(browser).scrollToElement(dashboard).perform();
      Path screenshot = Path.of("target/screenshots/cockpit-sla-dashboard.png");
      Files.createDirectories(screenshot.getParent());
      Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (AssertionError | RuntimeException failed) {
      // what the browser showed, for the failure report
      Files.createDirectories(Path.of("target/screenshots"));
      Files.write(Path.of("target/screenshots/cockpit-sla-dashboard-failed.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      Files.writeString(Path.of("target/screenshots/cockpit-sla-dashboard-failed.html"), browser.getPageSource());
      browser.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("browser: " + entry));
      throw failed;
    } finally {
      browser.quit();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  // --- scenario helpers ----------------------------------------------------------------------------------------

  private void open(String letter, String subject, String body, String receivedAt) {
    Date received = at(receivedAt);
    ClockUtil.setCurrentTime(received);
    String ticketNumber = intake.open(new TicketIntake.NewRequest(Channel.WEB, received.toInstant(), subject, body,
        null, null, null, NOVAK, null, null, false, null));
    ProcessInstance ticket = runtime.createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
        .processInstanceBusinessKey(ticketNumber).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(ticket.getId())
        .activityId("StartEvent_RequestReceived").singleResult().getId());
    EngineTestSupport.runAsyncSteps(management);
    tickets.put(letter, ticket);
  }

  private void startResolution(String letter, String at) {
    complete(initiateResolution(letter), at, Map.of());
  }

  private Task initiateResolution(String letter) {
    return task(letter, INITIATE_RESOLUTION_TASK);
  }

  private Task task(String letter, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(tickets.get(letter).getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as(letter + " waits at " + taskDefinitionKey).isNotNull();
    return task;
  }

  private void complete(Task task, String at, Map<String, Object> variables) {
    ClockUtil.setCurrentTime(at(at));
    tasks.complete(task.getId(), variables);
    EngineTestSupport.runAsyncSteps(management);
  }

  static Date at(String isoWithOffset) {
    return Date.from(OffsetDateTime.parse(isoWithOffset).toInstant());
  }

  // --- assertions and HTTP -------------------------------------------------------------------------------------

  private void assertWaiting(JsonNode ticket, String letter, String urgency, String deadline) {
    ProcessInstance instance = tickets.get(letter);
    assertThat(ticket.at("/ticketNumber").asText()).isEqualTo(instance.getBusinessKey());
    assertThat(ticket.at("/companyName").asText()).isEqualTo(COMPANY);
    assertThat(ticket.at("/urgency").asText()).isEqualTo(urgency);
    assertThat(ticket.at("/slaDeadline").asText()).isEqualTo(deadline);
    assertThat(runtime.getVariable(instance.getId(), "slaDeadline")).isEqualTo(at(deadline));
    assertThat(ticket.at("/processInstanceId").asText()).isEqualTo(instance.getId());
    assertThat(ticket.at("/cockpitPath").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + instance.getId());
  }

  private static void assertShare(JsonNode share, int met, int breached, Double percent) {
    assertThat(share.at("/met").asInt()).isEqualTo(met);
    assertThat(share.at("/breached").asInt()).isEqualTo(breached);
    assertThat(share.at("/decided").asInt()).isEqualTo(met + breached);
    if (percent == null) {
      assertThat(share.at("/percent").isNull()).isTrue();
    } else {
      assertThat(share.at("/percent").asDouble()).isEqualTo(percent);
    }
  }

  private HttpResponse<String> get(String path, String user, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Logs in to a webapp as its login page does: the page hands out the CSRF token the login must echo. */
  private HttpClient webappLogin(String user, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/" + app)).header("X-XSRF-TOKEN", csrf)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(user + " logs in to " + app).isEqualTo(200);
    return browser;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
