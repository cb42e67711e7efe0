package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.intouch.support.SupportDeskTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Agents and managers in a real browser (Debian's chromium and its chromedriver) see the webapps in Czech. The
 * webapps take the browser's first preferred language when config.js lists it, otherwise the fallback (Czech):
 * a Czech browser and one in a language we do not offer get Czech; a browser asking for English first gets English.
 * Screenshots land in target/screenshots.
 */
@SupportDeskTest
class CzechWebappsBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  /** The webapps' first load is several MB of script; on a busy build machine that takes its time. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;

  private final List<WebDriver> browsers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  @AfterEach
  void stopBrowsers() throws Exception {
    browsers.forEach(WebDriver::quit);
    for (Path profile : profiles) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void anAgentWithACzechBrowserWorksInCzechTasklist() throws Exception {
    WebDriver browser = browser("cs-CZ,cs");
    browser.get(base() + "/camunda/app/tasklist/default/");
    awaitText(browser, "Uživatelské jméno");

    logIn(browser, "agent");
    awaitText(browser, "Spustit proces");
    awaitText(browser, "Vyberte úkol v seznamu.");
    awaitText(browser, "Úkoly mé skupiny"); // the desk's own filters have loaded: the screenshot shows a working list
    assertThat(bodyText(browser)).doesNotContain("Start process", "Select a task in the list");
    screenshot(browser, "tasklist-cs.png");
  }

  @Test
  void aManagerWhoseBrowserAsksForALanguageWeDoNotOfferGetsCzechCockpit() throws Exception {
    WebDriver browser = browser("sk-SK,sk");
    browser.get(base() + "/camunda/app/cockpit/default/");
    awaitText(browser, "Uživatelské jméno");

    logIn(browser, "manager");
    awaitText(browser, "Běžící instance procesů");
    // the dashboard's further sections come and go while the SLA dashboard plugin loads: one Czech heading suffices
    assertThat(bodyText(browser)).doesNotContain("Running Process Instances", "Decisions");
    screenshot(browser, "cockpit-cs.png");
  }

  @Test
  void aBrowserAskingForEnglishFirstStillGetsEnglish() throws Exception {
    WebDriver browser = browser("en-US,en");
    browser.get(base() + "/camunda/app/tasklist/default/");

    awaitText(browser, "Username");
  }

  private WebDriver browser(String languages) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (.ci/run installs them)");
    Path profile = Files.createTempDirectory("webapps-chromium");
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=" + languages.split(",")[0],
        "--user-data-dir=" + profile);
    // navigator.languages, which the webapps read, comes from this preference
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    browsers.add(browser);
    browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    assertThat(((JavascriptExecutor) browser).executeScript("return navigator.languages[0]"))
        .isEqualTo(languages.split(",")[0]);
    return browser;
  }

  /** The webapp's own login form: its script fetches the XSRF token and sends it with the login. */
  private static void logIn(WebDriver browser, String user) {
    // the app first renders its start page, then routes an anonymous user to #/login and renders the form again:
    // what was typed before that second rendering is lost
    await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("#/login"));
    browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user); // demo password = user name
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
  }

  private static void awaitText(WebDriver browser, String text) throws Exception {
    try {
      await().atMost(PATIENCE).ignoreExceptions().until(() -> bodyText(browser).contains(text));
    } catch (ConditionTimeoutException e) {
      screenshot(browser, "failed-" + text.replaceAll("\\W+", "-") + ".png");
      throw new AssertionError("\"" + text + "\" not shown; the page says: " + bodyText(browser)
          + "\nconsole: " + browser.manage().logs().get("browser").getAll(), e);
    }
  }

  /** What the page shows, including the login form's placeholders and the login button. */
  private static String bodyText(WebDriver browser) {
    return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText + '\\n' + "
        + "Array.from(document.querySelectorAll('input[placeholder]')).map(i => i.placeholder).join('\\n')");
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
