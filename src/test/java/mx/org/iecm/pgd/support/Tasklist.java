package mx.org.iecm.pgd.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a person uses it: filters on the left, the task list, the task's Camunda Form.
 * Buttons are found by their role in the page, not by their label, so the steps read the same in
 * every language of the webapp.
 */
public final class Tasklist {

  public static final String PATH = "/camunda/app/tasklist/default/";
  private static final By TASKS = By.cssSelector("ol.tasks-list li.task h4.task a");
  private static final By EMPTY_LIST = By.cssSelector("[cam-tasks] .well .glyphicon-info-sign");
  private static final By LISTED = By.cssSelector("ol.tasks-list li.task, [cam-tasks] .well");
  private static final By CLAIM = By.cssSelector("button.claim");
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");
  /** The date fields of the forms take the month first, as the form library shows them. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final Browser browser;

  private Tasklist(Browser browser) {
    this.browser = browser;
  }

  /** Opens Tasklist in the browser of a person who has logged in. */
  public static Tasklist open(Browser browser) {
    browser.go(PATH);
    browser.waitFor(By.cssSelector(".task-filters .task-filter h4 a"));
    return new Tasklist(browser);
  }

  /** Chooses a filter by its name, as listed on the left, and waits for its list to replace the one shown. */
  public Tasklist filter(String name) {
    WebElement link = filterLink(name);
    WebElement item = link.findElement(By.xpath("ancestor::div[contains(concat(' ', normalize-space(@class), ' '), "
        + "' task-filter ')]"));
    if (!item.getAttribute("class").contains("active")) {
      List<WebElement> shown = browser.driver().findElements(LISTED);
      browser.click(link);
      browser.waitUntil(driver -> item.getAttribute("class").contains("active"));
      // Leave the filter's tooltip behind, as a person moving on to the list would.
      new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.tagName("footer"))).perform();
      if (!shown.isEmpty()) {
        browser.waitUntil(ExpectedConditions.stalenessOf(shown.get(0)));
      }
    }
    return this;
  }

  /** The link of a filter on the left, by the filter's name. */
  public WebElement filterLink(String name) {
    return browser.waitFor(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
        + "//h4/a[normalize-space(text())='" + name + "']"));
  }

  /** The names of the tasks listed under the chosen filter, once the list has loaded. */
  public List<String> taskNames() {
    browser.waitUntil(driver -> !driver.findElements(TASKS).isEmpty()
        || !driver.findElements(EMPTY_LIST).isEmpty());
    return browser.driver().findElements(TASKS).stream().map(WebElement::getText).map(String::strip).toList();
  }

  /** Opens the listed task whose name is {@code name} and waits for its form. */
  public Tasklist openTask(String name) {
    browser.click(browser.waitFor(By.xpath("//ol[contains(@class,'tasks-list')]//h4//a[normalize-space()='"
        + name + "']")));
    browser.waitFor(FORM);
    return this;
  }

  public Tasklist claim() {
    browser.click(browser.waitFor(CLAIM));
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    return this;
  }

  public boolean canClaim() {
    return !browser.driver().findElements(CLAIM).isEmpty();
  }

  /** The text the form shows, read-only parts included. */
  public String formText() {
    return browser.waitFor(FORM).getText();
  }

  /** The form field whose label is {@code label} (without the required mark). */
  public WebElement field(String label) {
    WebElement caption = browser.waitFor(By.xpath("//label[@for][normalize-space()='" + label
        + "' or normalize-space()='" + label + "*']"));
    return browser.driver().findElement(By.id(caption.getAttribute("for")));
  }

  /** Types into a field as a person would: click, select what is there, type over it, leave the field. */
  public Tasklist type(String label, String text) {
    WebElement input = field(label);
    browser.click(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    input.sendKeys(Keys.TAB);
    return this;
  }

  /** Types a date into a date field and closes its calendar. */
  public Tasklist date(String label, LocalDate date) {
    WebElement input = field(label);
    browser.click(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(DATE.format(date));
    input.sendKeys(Keys.ESCAPE);
    return this;
  }

  /** Chooses an option of a drop-down field, opening its list unless focus has opened it already. */
  public Tasklist select(String label, String option) {
    By item = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']");
    if (browser.driver().findElements(item).stream().noneMatch(WebElement::isDisplayed)) {
      browser.click(browser.waitFor(By.xpath("//label[normalize-space()='" + label + "' or normalize-space()='"
          + label + "*']/following::div[contains(@class,'fjs-input-group')][1]")));
    }
    browser.click(browser.waitFor(item));
    return this;
  }

  /** Chooses an option of a radio group by the option's label. */
  public Tasklist choose(String option) {
    WebElement caption = browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')]"
        + "[normalize-space()='" + option + "']"));
    browser.click(browser.driver().findElement(By.id(caption.getAttribute("for"))));
    return this;
  }

  /** The validation messages the form shows next to its fields. */
  public List<String> fieldErrors() {
    return browser.driver().findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).toList();
  }

  /** The label of the claim button, in the webapp's language. */
  public String claimLabel() {
    return browser.waitFor(CLAIM).getText().strip();
  }

  /** The label of the complete button, in the webapp's language. */
  public String completeLabel() {
    return browser.waitFor(COMPLETE).getText().strip();
  }

  public boolean canComplete() {
    WebElement button = browser.waitFor(COMPLETE);
    browser.scrollTo(button);
    return button.isEnabled();
  }

  /** Presses the complete button once the form lets the person do so. */
  public void complete() {
    WebElement button = browser.waitFor(COMPLETE);
    browser.waitUntil(driver -> button.isEnabled());
    browser.click(button);
  }
}
