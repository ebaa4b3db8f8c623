package mx.org.iecm.pgd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser: Debian's headless Chromium with a context of its own, so Tasklist, Cockpit and
 * Admin share one login per person. By default it is set as the institute's people have theirs:
 * Mexican Spanish, and the time zone of Mexico City (UTC−6), west of UTC, where a date that a program
 * turns into a moment at midnight falls on the day before.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(90);
  public static final String MEXICAN_SPANISH = "es-MX,es";
  public static final String MEXICO_CITY = "America/Mexico_City";
  /** A person's pace at the keyboard: the time between two keys. */
  public static final Duration KEYSTROKE = Duration.ofMillis(80);

  private final WebDriver driver;
  private final String base;

  private Browser(int port, String languages, String timeZone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--lang=" + languages.split(",")[0]);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // Chromium takes its time zone from the environment of the driver that starts it.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("TZ", timeZone)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    base = "http://localhost:" + port;
  }

  /** A new browser of a person of the institute: Mexican Spanish, Mexico City time. */
  public static Browser open(int port) {
    return open(port, MEXICAN_SPANISH, MEXICO_CITY);
  }

  /** A new browser asking for the given languages (Accept-Language), in Mexico City time. */
  public static Browser open(int port, String languages) {
    return open(port, languages, MEXICO_CITY);
  }

  /**
   * A new browser asking for the given languages in the given time zone. Without Chromium the test is
   * skipped with the way to install it, except in CI ({@code CI=true}), where it fails: there, .ci/run
   * installs Chromium, and a browser test that does not run is a failure.
   */
  public static Browser open(int port, String languages, String timeZone) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing = "Pruebas de navegador: falta Chromium. Instálelo con "
        + "'apt-get install chromium chromium-driver' (.ci/run lo hace).";
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(missing);
    }
    Assumptions.assumeTrue(installed, missing);
    return new Browser(port, languages, timeZone);
  }

  /** The time zone and language the page's JavaScript sees, e.g. "America/Mexico_City es-MX". */
  public String timeZoneAndLanguage() {
    return (String) ((JavascriptExecutor) driver).executeScript(
        "return Intl.DateTimeFormat().resolvedOptions().timeZone + ' ' + navigator.language;");
  }

  /** Types into the element that has the focus at a person's pace, one key at a time. */
  public void typeLikeAPerson(CharSequence text) {
    Actions keys = new Actions(driver);
    text.codePoints().forEach(key -> keys.sendKeys(Character.toString(key)).pause(KEYSTROKE));
    keys.perform();
  }

  /** Presses a key (Tab, Enter…) as a person does between fields. */
  public void press(Keys key) {
    new Actions(driver).sendKeys(key).pause(KEYSTROKE).perform();
  }

  /** Runs a script in the page and returns its result. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(base + path);
  }

  /** Logs in on the application's login page. */
  public void login(String user, String password) {
    go("/login");
    fillInLogin(user, password);
  }

  /** Fills in the login page the browser shows and waits to be let through. */
  public void fillInLogin(String user, String password) {
    waitFor(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
  }

  public WebElement waitFor(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public void waitForText(By locator, String text) {
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Clicks like a person would, after scrolling the element into view (Tasklist has a fixed footer). */
  public void click(WebElement element) {
    scrollTo(element);
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element));
    element.click();
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Waits until the condition holds; when it never does, keeps a screenshot, the page and the console. */
  public <T> T waitUntil(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).until(condition);
    } catch (TimeoutException e) {
      String name = "failed-" + System.currentTimeMillis();
      screenshot(name);
      try {
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        Files.write(SCREENSHOTS.resolve(name + ".console.txt"), driver.manage().logs().get(LogType.BROWSER).getAll()
            .stream().map(LogEntry::toString).toList());
      } catch (IOException | RuntimeException ignored) {
        // The screenshot is what matters; the rest is a help for diagnosis.
      }
      throw e;
    }
  }

  /** Saves a screenshot under target/screenshots. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets a cookie, as when a session ends on the server and the browser's cookie no longer opens it. */
  public void deleteCookie(String name) {
    driver.manage().deleteCookieNamed(name);
  }

  public String cookie(String name) {
    var cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
