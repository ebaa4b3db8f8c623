package mx.org.iecm.pgd.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the fast process tests: the in-memory engine with the application's beans, the people of
 * line 1.1 (Dirección Ejecutiva de Organización Electoral y Geoestadística) and the SGCE office, and a
 * clock the test moves.
 */
public abstract class ProcessTest {

  @RegisterExtension
  ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
      .configurationResource("pgd-process-test.cfg.xml").build();

  public static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

  protected ProcessEngine engine;
  protected ProcessBeans beans;
  protected Actor staff;
  protected Actor head;
  protected Actor coResponsibleHead;
  protected Actor sgce;
  /** The planning office, which validates measurability and analyses deviations. */
  protected Actor planningOffice;

  @BeforeEach
  void setUpEngine() {
    engine = engineExtension.getProcessEngine();
    AbstractAssertions.init(engine);
    beans = ProcessBeans.registerIn(engine);
    staff = Actor.of(engine, "deoeyg-staff1", "deoeyg-staff");
    head = Actor.of(engine, "deoeyg-head1", "deoeyg-head");
    coResponsibleHead = Actor.of(engine, "utalaod-head1", "utalaod-head");
    sgce = Actor.of(engine, "sgce1", "sgce-office");
    planningOffice = Actor.of(engine, "dprf-staff1", "dprf-staff");
  }

  @AfterEach
  void resetClockAndBeans() {
    ClockUtil.reset();
    // The registry is per thread: left filled, it would answer bean names for the Spring tests that follow.
    Mocks.reset();
  }

  protected static void clockAt(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(MEXICO_CITY).toInstant()));
  }

  /** Starts a process of the cycle of {@code lineId} in {@code year} with the variables a cycle passes down. */
  protected ProcessInstance start(String processKey, String lineId, int year, Map<String, Object> more) {
    var variables = beans.cycles.startVariables("PGD-2020-2023", lineId, year);
    variables.putAll(more);
    return engine.getRuntimeService().startProcessInstanceByKey(processKey, "PGD-2020-2023:" + lineId + ":" + year,
        variables);
  }

  /** Executes the one due timer of the business key's processes (the clock must have passed it). */
  protected void fireTimer(String businessKey) {
    List<Job> due = new ArrayList<>();
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      due.addAll(engine.getManagementService().createJobQuery().timers().processInstanceId(instance.getId())
          .duedateLowerThan(ClockUtil.getCurrentTime()).list());
    }
    if (due.size() != 1) {
      throw new AssertionError("Expected one due timer in " + businessKey + " but found " + due.size());
    }
    engine.getManagementService().executeJob(due.get(0).getId());
  }
}
