package mx.org.iecm.pgd.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Camunda Tasklist as a person uses it: filters on the left, the task list, the task's form (one of
 * forms/*.form.html). Buttons are found by their role in the page, not by their label, so the steps read
 * the same in every language of the webapp; the form's fields by their label, or by their id where a
 * list repeats a label (activities-2-start is «Inicio» of activity 2).
 */
public final class Tasklist {

  public static final String PATH = "/camunda/app/tasklist/default/";
  private static final By TASKS = By.cssSelector("ol.tasks-list li.task h4.task a");
  private static final By EMPTY_LIST = By.cssSelector("[cam-tasks] .well .glyphicon-info-sign");
  private static final By LISTED = By.cssSelector("ol.tasks-list li.task, [cam-tasks] .well");
  private static final By CLAIM = By.cssSelector("button.claim");
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By FORM = By.cssSelector("[cam-tasklist-form-embedded] form.pgd-form");
  /** The form has its task's data once the header names the line. */
  private static final By LOADED_FORM = By.xpath("//form[contains(@class,'pgd-form')]//header[contains(@class,"
      + "'pgd-cycle')]/h3[contains(normalize-space(),'Línea ') and string-length(normalize-space()) > 10]");
  private static final By DISABLED_FORM = By.cssSelector(".disabled-form form.pgd-form");
  private static final By NOTIFICATION = By.cssSelector(".page-notifications .alert");

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

  /** Opens the listed task whose name is {@code name} and waits for its form and the task's data in it. */
  public Tasklist openTask(String name) {
    browser.click(browser.waitFor(By.xpath("//ol[contains(@class,'tasks-list')]//h4//a[normalize-space()='"
        + name + "']")));
    browser.waitFor(LOADED_FORM);
    return this;
  }

  /** Claims the open task and waits until its form takes input. */
  public Tasklist claim() {
    browser.click(browser.waitFor(CLAIM));
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    browser.waitUntil(driver -> driver.findElements(DISABLED_FORM).isEmpty());
    return this;
  }

  /** Waits until the open task's form takes input (a task assigned to this person needs no claim). */
  public Tasklist editable() {
    browser.waitUntil(driver -> driver.findElements(DISABLED_FORM).isEmpty());
    return this;
  }

  public boolean canClaim() {
    return !browser.driver().findElements(CLAIM).isEmpty();
  }

  /** The text the form shows, read-only parts included. */
  public String formText() {
    return browser.waitFor(FORM).getText();
  }

  /** The form field whose label is {@code label} (the required mark aside). */
  public WebElement field(String label) {
    WebElement caption = browser.waitFor(By.xpath("//form[contains(@class,'pgd-form')]//label[@for]"
        + "[normalize-space()='" + label + "' or normalize-space()='" + label + " *']"));
    return browser.driver().findElement(By.id(caption.getAttribute("for")));
  }

  /** The form field with this id: a top-level field's name (budget) or list, row and column (activities-2-end). */
  public WebElement fieldById(String id) {
    return browser.waitFor(By.id(id));
  }

  /** Puts the cursor in a field as a person does, with a click. */
  public Tasklist click(WebElement field) {
    browser.click(field);
    return this;
  }

  /** Clicks into the field, selects what it holds and types over it at a person's pace. */
  public Tasklist typeInto(WebElement field, String text) {
    browser.click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    browser.typeLikeAPerson(text);
    return this;
  }

  /** Clicks into the field and deletes what it holds, as a person does with Ctrl+A and Backspace. */
  public Tasklist erase(WebElement field) {
    browser.click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    browser.press(Keys.BACK_SPACE);
    return this;
  }

  /** Clicks into the labelled field, types over what it holds and leaves it with Tab. */
  public Tasklist type(String label, String text) {
    typeInto(field(label), text);
    return tab();
  }

  /** Types at a person's pace into the field that has the focus. */
  public Tasklist typeHere(String text) {
    browser.typeLikeAPerson(text);
    return this;
  }

  /** Tab: on to the next field. */
  public Tasklist tab() {
    browser.press(Keys.TAB);
    return this;
  }

  /** Enter, in the field that has the focus. */
  public Tasklist enter() {
    browser.press(Keys.ENTER);
    return this;
  }

  /** The id of the field that has the focus. */
  public String focusedField() {
    return (String) browser.script("return document.activeElement && document.activeElement.id;");
  }

  /** What a field shows now. */
  public String value(WebElement field) {
    return field.getDomProperty("value");
  }

  /** Chooses an option of a drop-down field by its label. */
  public Tasklist select(WebElement field, String option) {
    browser.click(field);
    new Select(field).selectByVisibleText(option);
    return this;
  }

  /** Adds a row to a list with the list's button («Agregar actividad»). */
  public Tasklist add(String button) {
    browser.click(browser.waitFor(By.xpath("//form[contains(@class,'pgd-form')]//button[normalize-space()='"
        + button + "']")));
    return this;
  }

  /** Opens a date field's calendar with its button. */
  public Tasklist openCalendar(WebElement dateField) {
    browser.click(dateField.findElement(By.xpath("following-sibling::span//button[contains(@class,"
        + "'pgd-calendar-toggle')]")));
    return this;
  }

  /** The title of the open calendar: its month and year («enero de 2021»). */
  public String calendarTitle() {
    return browser.waitFor(By.cssSelector(".pgd-calendar:not([hidden]) .pgd-calendar-title")).getText();
  }

  /** The names of the days in the open calendar's header. */
  public List<String> calendarWeekdays() {
    return browser.driver().findElements(By.cssSelector(".pgd-calendar:not([hidden]) thead th")).stream()
        .map(WebElement::getText).toList();
  }

  /** In the open calendar: the next month. */
  public Tasklist nextMonth() {
    browser.click(browser.waitFor(By.cssSelector(".pgd-calendar:not([hidden]) button[data-step='1']")));
    return this;
  }

  /** In the open calendar: a day of the month shown. */
  public Tasklist pickDay(int day) {
    browser.click(browser.waitFor(By.xpath("//div[contains(@class,'pgd-calendar') and not(@hidden)]"
        + "//button[@data-date and normalize-space()='" + day + "']")));
    return this;
  }

  /** The message a field shows under it ("" when none). */
  public String fieldError(WebElement field) {
    return field.findElement(By.xpath("following::p[contains(@class,'pgd-field-error')][1]")).getText().strip();
  }

  /** Every message the form shows next to its fields. */
  public List<String> fieldErrors() {
    return browser.driver().findElements(By.cssSelector("form.pgd-form .pgd-field-error")).stream()
        .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).toList();
  }

  /** Chooses an option of the decision by the option's label. */
  public Tasklist choose(String option) {
    browser.click(browser.waitFor(By.xpath("//fieldset[contains(@class,'pgd-decision')]//label[normalize-space()='"
        + option + "']/input")));
    return this;
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

  /** The message Tasklist shows on top of the page (e.g. a refused completion), once it shows one. */
  public WebElement notification() {
    return browser.waitFor(NOTIFICATION);
  }

  /** Where the form's «Guardar» and «Completar» buttons are on the screen. */
  public List<Rectangle> formButtons() {
    return browser.driver().findElements(By.cssSelector("[cam-tasklist-form] .form-actions button")).stream()
        .map(WebElement::getRect).toList();
  }
}
