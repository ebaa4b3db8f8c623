package mx.org.iecm.pgd.browser;

import static mx.org.iecm.pgd.support.Submissions.approve;
import static mx.org.iecm.pgd.support.Submissions.returned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.planning.WorkProgram;
import mx.org.iecm.pgd.support.Browser;
import mx.org.iecm.pgd.support.CycleDriver;
import mx.org.iecm.pgd.support.OwnsCycles;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import mx.org.iecm.pgd.support.Submissions;
import mx.org.iecm.pgd.support.Tasklist;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person types into a task form is what the record keeps: people of the institute in Chromium
 * set to Mexico City time and Mexican Spanish (one run in UTC, one browser in English), typing at a
 * person's pace with Tab between fields. Each test reads what was stored back through the engine's
 * REST API, as an auditor, not only from the screen.
 */
@PgdIntegrationTest
@OwnsCycles({"12.2:2021", "12.3:2021", "12.4:2021", "12.6:2021", "12.7:2021", "12.8:2021"})
class TaskFormsBrowserTest {

  static final String MY_AREA = "Tareas de mi área";
  static final String AUDITOR = "auditor1";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  CycleService cycles;
  @Autowired
  TaskService taskService;
  @Autowired
  javax.sql.DataSource dataSource;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;

  CycleDriver driver;

  @BeforeEach
  void driver() {
    driver = new CycleDriver(taskService, identityService, runtimeService, managementService, dataSource);
  }

  private Task openTask(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  private void awaitCompleted(Browser browser, Task task) {
    browser.waitUntil(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  /** A variable of the cycle's process as stored, read through /engine-rest by an auditor: {type, value}. */
  private JsonNode stored(String businessKey, String processKey, String name) {
    JsonNode instances = rest.withBasicAuth(AUDITOR, "demo").getForObject(
        "/engine-rest/history/process-instance?processInstanceBusinessKey={key}&processDefinitionKey={process}",
        JsonNode.class, businessKey, processKey);
    assertThat(instances).as("%s of %s", processKey, businessKey).hasSize(1);
    JsonNode variables = rest.withBasicAuth(AUDITOR, "demo").getForObject(
        "/engine-rest/history/variable-instance?processInstanceId={id}&variableName={name}&deserializeValues=false",
        JsonNode.class, instances.get(0).get("id").asText(), name);
    assertThat(variables).as("variable %s of %s", name, businessKey).hasSize(1);
    return variables.get(0);
  }

  /** A stored list or document (a JSON variable) as JSON. */
  private JsonNode storedList(String businessKey, String processKey, String name) throws Exception {
    JsonNode variable = stored(businessKey, processKey, name);
    assertThat(variable.get("type").asText()).isEqualTo("Json");
    return JSON.readTree(variable.get("value").asText());
  }

  /** The work program a cycle's planning ended with, read back through the engine's REST API. */
  private JsonNode storedProgram(String businessKey) throws Exception {
    return storedList(businessKey, "action-line-planning", "workProgram");
  }

  private static List<String> column(JsonNode rows, String column) {
    List<String> values = new ArrayList<>();
    rows.forEach(row -> values.add(row.get(column).asText()));
    return values;
  }

  @ParameterizedTest(name = "time zone {0}")
  @ValueSource(strings = {Browser.MEXICO_CITY, "UTC"})
  void datesTypedDayFirstAndAmountsAsMexicoWritesThemAreStoredExactly(String timeZone) throws Exception {
    String line = Browser.MEXICO_CITY.equals(timeZone) ? "12.2" : "12.3";
    String key = "PGD-2020-2023:" + line + ":2021";
    cycles.startLine(2021, line);
    Task draft = openTask(key);

    try (Browser staff = Browser.open(port, Browser.MEXICAN_SPANISH, timeZone)) {
      staff.login("utgdh-staff1", "demo");
      assertThat(staff.timeZoneAndLanguage()).isEqualTo(timeZone + " es-MX");
      Tasklist form = Tasklist.open(staff).filter(MY_AREA)
          .openTask("Elaborar programa de trabajo · línea " + line + " · 2021").claim();

      // Activity 1: dates typed day first, each left with Tab.
      form.type("Objetivo específico", "Que todo el personal conozca sus derechos y la perspectiva de género.")
          .typeHere("Talleres de sensibilización").tab()
          .typeHere("01/01/2021").tab()
          .typeHere("15/03/2021").tab()
          .typeHere("Listas de asistencia").tab()
          .typeHere("50").tab();
      WebElement start1 = form.fieldById("activities-1-start");
      WebElement end1 = form.fieldById("activities-1-end");
      assertThat(form.value(start1)).isEqualTo("01/01/2021");
      assertThat(form.value(end1)).isEqualTo("15/03/2021");

      // Activity 2: month first is refused on the spot, never read as another day; the record's own
      // form and Enter; the end picked in the calendar, in Spanish.
      form.add("Agregar actividad");
      WebElement start2 = form.fieldById("activities-2-start");
      WebElement end2 = form.fieldById("activities-2-end");
      form.typeInto(form.fieldById("activities-2-name"), "Evaluación de los talleres").tab()
          .typeHere("03/15/2021").tab();
      assertThat(form.fieldError(start2)).isEqualTo("No hay mes 15: la fecha va con el día primero. Escriba la fecha"
          + " como dd/mm/aaaa (día, mes y año), p. ej. 15/03/2021.");
      assertThat(form.value(start2)).isEqualTo("03/15/2021");
      assertThat(form.canComplete()).isFalse();
      form.typeInto(start2, "2021-03-15").enter();
      assertThat(form.fieldError(start2)).isEmpty();
      form.openCalendar(end2);
      assertThat(form.calendarTitle()).isEqualTo("enero de 2021");
      assertThat(form.calendarWeekdays()).containsExactly("dom", "lun", "mar", "mié", "jue", "vie", "sáb");
      for (int month = 1; month < 12; month++) {
        form.nextMonth();
      }
      assertThat(form.calendarTitle()).isEqualTo("diciembre de 2021");
      form.pickDay(31);
      assertThat(form.value(start2)).isEqualTo("15/03/2021");
      assertThat(form.value(end2)).isEqualTo("31/12/2021");
      form.typeInto(form.fieldById("activities-2-deliverable"), "Informe de evaluación").tab().typeHere("30").tab();

      // Activity 3: a short date left with a click elsewhere, another left with Enter.
      form.add("Agregar actividad");
      WebElement start3 = form.fieldById("activities-3-start");
      WebElement end3 = form.fieldById("activities-3-end");
      form.typeInto(form.fieldById("activities-3-name"), "Campaña interna").tab().typeHere("1/7/2021");
      form.typeInto(end3, "30/09/2021").enter();
      assertThat(form.value(start3)).isEqualTo("01/07/2021");
      form.typeInto(form.fieldById("activities-3-deliverable"), "Carteles y cápsulas").tab().typeHere("20").tab();

      form.typeInto(form.fieldById("indicators-1-name"), "Personas capacitadas").tab()
          .typeHere("capacitadas / plantilla * 100").tab()
          .typeHere("%").tab();
      form.select(form.fieldById("indicators-1-frequency"), "Semestral");
      form.typeInto(form.fieldById("indicators-1-baseline"), "12.5").tab().typeHere("80").tab()
          .typeHere("capacitadas: personas que concluyeron el curso; plantilla: personas en la plantilla").tab();
      // The technical sheet: MIR level and direction chosen, the baseline's year, a target per half-year.
      form.select(form.fieldById("indicators-1-level"), "Componente");
      form.select(form.fieldById("indicators-1-direction"), "Ascendente: más es mejor");
      form.typeInto(form.fieldById("indicators-1-baselineYear"), "2020").tab()
          .typeHere("40").tab()
          .typeHere("80").tab();

      // Amounts as Mexico writes them, and what is refused rather than read as another number.
      WebElement budget = form.field("Presupuesto anual (MXN)");
      Map<String, String> amounts = Map.of("250,000", "250,000.00", "250 000", "250,000.00",
          "250000.50", "250,000.50", "$250,000.00", "250,000.00", "1,500.5", "1,500.50");
      for (Map.Entry<String, String> amount : amounts.entrySet()) {
        form.typeInto(budget, amount.getKey()).tab();
        assertThat(form.value(budget)).as("«%s»", amount.getKey()).isEqualTo(amount.getValue());
        assertThat(form.fieldError(budget)).as("«%s»", amount.getKey()).isEmpty();
      }
      for (String refused : List.of("abc", "250,00", "1.500.000")) {
        form.typeInto(budget, refused).tab();
        assertThat(form.value(budget)).isEqualTo(refused);
        assertThat(form.fieldError(budget)).as("«%s»", refused).isEqualTo("Escriba solo dígitos y, si hay centavos,"
            + " punto decimal; puede separar los miles con comas: 250,000.50.");
        assertThat(form.canComplete()).isFalse();
      }
      form.typeInto(budget, "250,000").tab();
      // The budget as authorised: one expense item with its POA code and its four quarters.
      form.add("Agregar partida");
      form.typeInto(form.fieldById("budgetLines-1-item"), "Materiales de capacitación").tab()
          .typeHere("POA-UTGDH-03").tab()
          .typeHere("100,000").tab()
          .typeHere("50,000").tab()
          .typeHere("50,000.50").tab()
          .typeHere("49,999.50").tab();
      form.typeInto(form.field("Riesgos"), "Baja asistencia en periodo electoral; 10 % del personal en campo.");
      staff.screenshot("f1-draft-filled-" + timeZone.replace('/', '-'));
      form.complete();
      awaitCompleted(staff, draft);
    }

    JsonNode activities = storedProgram(key).get("activities");
    assertThat(column(activities, "start")).containsExactly("2021-01-01", "2021-03-15", "2021-07-01");
    assertThat(column(activities, "end")).containsExactly("2021-03-15", "2021-12-31", "2021-09-30");
    JsonNode indicator = storedProgram(key).get("indicators").get(0);
    assertThat(indicator.get("baseline").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(indicator.get("target").decimalValue()).isEqualByComparingTo("80");
    assertThat(indicator.get("frequency").asText()).isEqualTo("semestral");
    assertThat(indicator.get("level").asText()).isEqualTo("componente");
    assertThat(indicator.get("direction").asText()).isEqualTo("ascendente");
    assertThat(indicator.get("baselineYear").asInt()).isEqualTo(2020);
    assertThat(indicator.get("targets").toString()).isEqualTo("[40,80]");
    assertThat(indicator.get("variables").asText())
        .isEqualTo("capacitadas: personas que concluyeron el curso; plantilla: personas en la plantilla");
    assertThat(column(activities, "weight")).containsExactly("50", "30", "20");
    JsonNode budgetLine = storedProgram(key).get("budgetLines").get(0);
    assertThat(budgetLine.get("item").asText()).isEqualTo("Materiales de capacitación");
    assertThat(budgetLine.get("poaCode").asText()).isEqualTo("POA-UTGDH-03");
    assertThat(List.of("q1", "q2", "q3", "q4")).extracting(quarter -> budgetLine.get(quarter).decimalValue())
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100000"),
            new BigDecimal("50000"), new BigDecimal("50000.50"), new BigDecimal("49999.50"));
    JsonNode budget = storedProgram(key).get("budget");
    assertThat(budget.isNumber()).as("budget %s is a number", budget).isTrue();
    assertThat(budget.decimalValue()).isEqualByComparingTo("250000");
    assertThat(storedProgram(key).get("risks").asText())
        .isEqualTo("Baja asistencia en periodo electoral; 10 % del personal en campo.");
    assertThat(storedProgram(key).get("goal").asText())
        .isEqualTo("Que todo el personal conozca sus derechos y la perspectiva de género.");
  }

  @Test
  void aReturnedDraftKeptOpenAMinuteKeepsEveryDateAndGoesBackAsItWas() throws Exception {
    String key = "PGD-2020-2023:12.4:2021";
    cycles.startLine(2021, "12.4");
    ObjectNode document = WorkProgram.read(Submissions.workProgramJson(2021));
    document.set("activities", JSON.readTree("""
        [{"name":"Diagnóstico de plazas","start":"2021-01-01","end":"2021-06-30","deliverable":"Diagnóstico"},
         {"name":"Convocatoria incluyente","start":"2021-07-01","end":"2021-12-31","deliverable":"Convocatoria"}]"""));
    Map<String, Object> program = Submissions.workProgramDocument(document.toString());
    driver.complete(key, "sa-staff1", "sa-staff", program);
    driver.complete(key, "sa-head1", "sa-head", returned("Agregue los riesgos de la convocatoria."));
    Task redraft = openTask(key);

    try (Browser staff = Browser.open(port)) {
      staff.login("sa-staff1", "demo");
      Tasklist form = Tasklist.open(staff).filter("Mis tareas")
          .openTask("Elaborar programa de trabajo · línea 12.4 · 2021 · Devuelto").editable();
      assertThat(form.formText()).contains("Devuelto por sa-head1", "Agregue los riesgos de la convocatoria.")
          .containsPattern("Devuelto por sa-head1 en «Aprobar programa de trabajo \\(titular\\)»\\s+el"
              + " \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:");
      List<WebElement> dates = List.of(form.fieldById("activities-1-start"), form.fieldById("activities-1-end"),
          form.fieldById("activities-2-start"), form.fieldById("activities-2-end"));
      List<String> expected = List.of("01/01/2021", "30/06/2021", "01/07/2021", "31/12/2021");
      assertThat(dates).extracting(form::value).containsExactlyElementsOf(expected);
      assertThat(form.value(form.field("Presupuesto anual (MXN)"))).isEqualTo("250,000.00");

      // A minute with the form open, the person typing the risks meanwhile: every date reads the same
      // at every look, and nothing typed is lost.
      String risks = "Retraso en la aprobación del diseño; pocas postulaciones de personas con discapacidad.";
      WebElement risksField = form.field("Riesgos");
      form.typeInto(risksField, risks);
      Set<List<String>> seen = new LinkedHashSet<>();
      Instant until = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(until)) {
        seen.add(dates.stream().map(form::value).toList());
        new Actions(staff.driver()).pause(Duration.ofSeconds(3)).perform();
      }
      assertThat(seen).containsExactly(expected);
      assertThat(form.value(risksField)).isEqualTo(risks);
      staff.screenshot("f2-returned-draft-after-a-minute");
      form.complete();
      awaitCompleted(staff, redraft);
    }

    JsonNode activities = storedProgram(key).get("activities");
    assertThat(column(activities, "start")).containsExactly("2021-01-01", "2021-07-01");
    assertThat(column(activities, "end")).containsExactly("2021-06-30", "2021-12-31");
    assertThat(storedProgram(key).get("risks").asText())
        .isEqualTo("Retraso en la aprobación del diseño; pocas postulaciones de personas con discapacidad.");
    assertThat(storedProgram(key).get("budget").decimalValue())
        .isEqualByComparingTo("250000");
  }

  @Test
  void theNextReportShowsThePreviousPeriodAsSuchAndAChangeShowsItsApproverWhatChanges() throws Exception {
    String key = "PGD-2020-2023:12.6:2021";
    cycles.startLine(2021, "12.6");
    driver.plan(key, 2021, "utsi", List.of("deoeyg", "utgdh"));
    driver.runDueTimers(key);
    driver.report(key, "utsi", 40);
    driver.runDueTimers(key);
    Task report = openTask(key);

    try (Browser staff = Browser.open(port)) {
      staff.login("utsi-staff2", "demo");
      Tasklist form = Tasklist.open(staff).filter(MY_AREA).openTask("Informar avance · línea 12.6 · 2021").claim();
      assertThat(form.formText()).contains("fecha de reporte 30/06/2021", "periodo anterior: 40 %",
          "periodo anterior: 4.1");
      WebElement first = form.fieldById("activityProgress-1-percent");
      assertThat(form.value(first)).isEmpty();
      form.typeInto(first, "60").tab().typeHere("45").tab().typeHere("3.9").tab();
      form.complete();
      awaitCompleted(staff, report);
    }
    JsonNode progress = storedList(key, "action-line-execution", "activityProgress");
    assertThat(progress).extracting(row -> row.get("percent").decimalValue().intValueExact()).containsExactly(60, 45);
    driver.complete(key, "utsi-head2", "utsi-head", approve());

    cycles.requestChange(2021, "12.6", "utsi-staff1");
    ObjectNode revised = WorkProgram.read(Submissions.workProgramJson(2021)).put("budget", 310000.5);
    Map<String, Object> change = Submissions.workProgramDocument(revised.toString());
    change.put("changeReason", "El rediseño requiere una segunda impresión de prueba.");
    driver.complete(key, "utsi-staff1", "utsi-staff", change);
    try (Browser head = Browser.open(port)) {
      head.login("utsi-head1", "demo");
      Tasklist form = Tasklist.open(head).filter(MY_AREA)
          .openTask("Aprobar modificación (titular) · línea 12.6 · 2021");
      assertThat(form.formText()).contains("Cambios respecto de la versión vigente (1)",
          "Presupuesto anual (MXN)", "$250,000.00", "$310,000.50", "(sustituye a la versión 1)",
          "El rediseño requiere una segunda impresión de prueba.");
      head.screenshot("f5-change-approval-compares");
    }
  }

  @Test
  void oneHundredTypedRightAfterClaimingIsStoredAsOneHundredInABrowserInEnglish() throws Exception {
    String key = "PGD-2020-2023:12.8:2021";
    cycles.startLine(2021, "12.8");
    driver.plan(key, 2021, "utcfd", List.of("utgdh"));
    driver.runDueTimers(key);
    Task report = openTask(key);

    try (Browser staff = Browser.open(port, "en-US,en")) {
      staff.login("utcfd-staff2", "demo");
      assertThat(staff.timeZoneAndLanguage()).isEqualTo(Browser.MEXICO_CITY + " en-US");
      Tasklist form = Tasklist.open(staff).filter(MY_AREA).openTask("Informar avance · línea 12.8 · 2021");
      assertThat(form.claimLabel()).isEqualTo("Claim");
      assertThat(form.formText()).contains("Informe el avance del periodo con fecha de reporte 31/03/2021: una fila"
          + " por actividad del programa vigente y por indicador que se mide en este periodo.");
      WebElement first = form.fieldById("activityProgress-1-percent");
      // Nothing is answered for the person: the first report has no previous period either.
      assertThat(form.value(first)).isEmpty();
      assertThat(form.formText()).doesNotContain("periodo anterior");

      form.claim().typeInto(first, "100").tab()
          .typeHere("40").tab()
          .typeHere("3.4").tab()
          // Straight on after leaving a number field with Tab.
          .typeHere("https://intranet.iecm.mx/evidencias/capacitacion-t1.pdf").tab()
          .typeHere("Ninguno.");
      assertThat(form.value(first)).isEqualTo("100");
      assertThat(form.value(form.fieldById("evidenceLinks")))
          .isEqualTo("https://intranet.iecm.mx/evidencias/capacitacion-t1.pdf");
      staff.screenshot("f3-progress-report-in-english");
      form.complete();
      awaitCompleted(staff, report);
    }

    JsonNode progress = storedList(key, "action-line-execution", "activityProgress");
    assertThat(progress).extracting(row -> row.get("percent").decimalValue().intValueExact())
        .containsExactly(100, 40);
    assertThat(column(progress, "activity")).containsExactly("Diagnóstico de boletas",
        "Rediseño y prueba con ciudadanía");
    assertThat(storedList(key, "action-line-execution", "indicatorValues").get(0).get("value").decimalValue())
        .isEqualByComparingTo("3.4");
    assertThat(stored(key, "action-line-execution", "evidenceLinks").get("value").asText())
        .isEqualTo("https://intranet.iecm.mx/evidencias/capacitacion-t1.pdf");
    assertThat(stored(key, "action-line-execution", "problems").get("value").asText()).isEqualTo("Ninguno.");
    assertThat(stored(key, "action-line-execution", "progressPercent").get("value").asDouble()).isEqualTo(70.0);
  }

  @Test
  void aRefusedCompletionSaysWhatIsWrongAsAPersonSpeaksAndMarksTheField() throws Exception {
    String key = "PGD-2020-2023:12.7:2021";
    cycles.startLine(2021, "12.7");
    Task draft = openTask(key);

    try (Browser staff = Browser.open(port)) {
      staff.login("utcsyd-staff1", "demo");
      Tasklist form = Tasklist.open(staff).filter(MY_AREA)
          .openTask("Elaborar programa de trabajo · línea 12.7 · 2021").claim();
      form.type("Objetivo específico", "Lenguaje incluyente en toda la comunicación institucional.")
          .typeHere("Guía de lenguaje incluyente").tab()
          .typeHere("15/12/2020").tab()
          .typeHere("31/03/2021").tab()
          .typeHere("Guía publicada").tab();
      form.typeInto(form.fieldById("indicators-1-name"), "Piezas revisadas").tab()
          .typeHere("revisadas / publicadas * 100").tab().typeHere("%").tab();
      form.select(form.fieldById("indicators-1-frequency"), "Trimestral");
      form.typeInto(form.fieldById("indicators-1-baseline"), "0").tab().typeHere("100").tab();
      form.type("Presupuesto anual (MXN)", "45,000");
      form.complete();

      WebElement notification = form.notification();
      assertThat(notification.getText()).contains("No se pudo completar «Elaborar programa de trabajo»: Actividad 1 –"
          + " Inicio: debe caer dentro del año 2021.").doesNotContain("Cannot submit", "activities[", draft.getId());
      WebElement start = form.fieldById("activities-1-start");
      assertThat(form.fieldError(start)).isEqualTo("Debe caer dentro del año 2021.");
      assertThat(form.focusedField()).isEqualTo("activities-1-start");
      Rectangle message = notification.getRect();
      assertThat(form.formButtons()).isNotEmpty().allSatisfy(button -> assertThat(overlap(message, button))
          .as("the message covers a button of the form").isFalse());
      staff.screenshot("f4-refused-completion");
      assertThat(taskService.createTaskQuery().taskId(draft.getId()).singleResult().getAssignee())
          .isEqualTo("utcsyd-staff1");
      assertThat(runtimeService.getVariables(draft.getExecutionId())).doesNotContainKeys("workProgram");

      form.typeInto(start, "15/01/2021").tab();
      assertThat(form.fieldError(start)).isEmpty();
      form.complete();
      awaitCompleted(staff, draft);
    }
    assertThat(column(storedProgram(key).get("activities"), "start")).containsExactly("2021-01-15");
    assertThat(storedProgram(key).get("budget").decimalValue()).isEqualByComparingTo("45000");
  }

  private static boolean overlap(Rectangle a, Rectangle b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }
}
