package mx.org.iecm.pgd.support;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import mx.org.iecm.pgd.evidence.EvidenceFiles;
import liquibase.integration.spring.SpringLiquibase;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.catalog.CatalogLoader;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.closure.ClosureTasks;
import mx.org.iecm.pgd.closure.LessonsLearned;
import mx.org.iecm.pgd.closure.StoreLessonsDelegate;
import mx.org.iecm.pgd.correctiveaction.CorrectiveActionTasks;
import mx.org.iecm.pgd.cycle.CycleContextListener;
import mx.org.iecm.pgd.execution.ChangedActivities;
import mx.org.iecm.pgd.cycle.CycleKeyListener;
import mx.org.iecm.pgd.cycle.CycleService;
import mx.org.iecm.pgd.cycle.EnterPhaseListener;
import mx.org.iecm.pgd.execution.EvaluateDeviationDelegate;
import mx.org.iecm.pgd.execution.ExecutionTasks;
import mx.org.iecm.pgd.execution.ScheduleReportsDelegate;
import mx.org.iecm.pgd.notification.EscalationMailer;
import mx.org.iecm.pgd.notification.NotifyOverdueListener;
import mx.org.iecm.pgd.planning.PlanningTasks;
import mx.org.iecm.pgd.planning.ProgramVersions;
import mx.org.iecm.pgd.planning.StoreProgramVersionDelegate;
import mx.org.iecm.pgd.review.ReviewTasks;
import mx.org.iecm.pgd.routing.DeadlineProperties;
import mx.org.iecm.pgd.routing.Deadlines;
import mx.org.iecm.pgd.routing.Routing;
import mx.org.iecm.pgd.task.PrepareTaskListener;
import mx.org.iecm.pgd.task.TaskForms;
import mx.org.iecm.pgd.task.UserTaskDeclarations;
import mx.org.iecm.pgd.task.UserTasks;
import mx.org.iecm.pgd.task.ValidateSubmissionListener;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The application's real delegates and listeners, registered by bean name in the in-memory test
 * engine, with the application's own tables created by its Liquibase changelog.
 */
public final class ProcessBeans {

  public static final PlanCatalog CATALOG = new CatalogLoader().load(
      new ClassPathResource("plan/areas.yaml"), List.of(new ClassPathResource("plan/pgd-2020-2023.yaml")));

  /** The task forms of forms/, read once for every test. */
  public static final TaskForms FORMS = TaskForms.fromClasspath();

  private static boolean tablesCreated;

  public final ProgramVersions programVersions;
  public final LessonsLearned lessons;
  public final CycleService cycles;
  public final CaseJournal journal;
  public final UserTasks userTasks;

  private ProcessBeans(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    createTables(dataSource);
    // Each test starts with the application's tables empty, as the engine's extension leaves its own.
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("DELETE FROM pgd_program_version").update();
    jdbc.sql("DELETE FROM pgd_lesson_learned").update();
    jdbc.sql("DELETE FROM pgd_case_journal").update();
    jdbc.sql("DELETE FROM pgd_case_seal").update();
    jdbc.sql("DELETE FROM pgd_evidence_chunk").update();
    jdbc.sql("DELETE FROM pgd_evidence_file").update();
    Clock clock = Clock.systemUTC();
    programVersions = new ProgramVersions(dataSource);
    lessons = new LessonsLearned(dataSource);
    cycles = new CycleService(CATALOG, engine.getRuntimeService(), engine.getHistoryService(),
        engine.getIdentityService());
    userTasks = new UserTasks(declarations(engine.getRuntimeService(), programVersions), FORMS);
    Routing routing = new Routing(CATALOG, userTasks);
    Mocks.register("routing", routing);
    Mocks.register("deadlines", new Deadlines(new DeadlineProperties(10, 5, 10, 30), userTasks));
    Mocks.register("enterPhaseListener", new EnterPhaseListener());
    Mocks.register("cycleKeyListener", new CycleKeyListener(CATALOG));
    Mocks.register("cycleContextListener", new CycleContextListener(cycles, CATALOG));
    Mocks.register("changedActivities", new ChangedActivities(programVersions, CATALOG));
    // Sealing runs after the Spring transaction commits; the in-memory engine has none.
    Mocks.register("sealCaseListener", (ExecutionListener) execution -> { });
    journal = new CaseJournal(dataSource);
    Mocks.register("prepareTaskListener", new PrepareTaskListener(userTasks, journal));
    Mocks.register("validateSubmissionListener", new ValidateSubmissionListener(userTasks, journal,
        new EvidenceFiles(dataSource), clock));
    Mocks.register("notifyOverdueListener", new NotifyOverdueListener(new EscalationMailer(
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "pgd@localhost"), journal, userTasks,
        routing, clock));
    Mocks.register("storeProgramVersionDelegate", new StoreProgramVersionDelegate(programVersions, clock));
    Mocks.register("scheduleReportsDelegate", new ScheduleReportsDelegate(CATALOG));
    Mocks.register("evaluateDeviationDelegate", new EvaluateDeviationDelegate(10, 5));
    Mocks.register("storeLessonsDelegate", new StoreLessonsDelegate(lessons, journal, CATALOG, clock));
  }

  /** The user tasks each phase declares, as the application registers them. */
  public static List<UserTaskDeclarations> declarations(RuntimeService runtimeService, ProgramVersions versions) {
    return List.of(new PlanningTasks(CATALOG), new ExecutionTasks(versions, CATALOG), new ReviewTasks(),
        new ClosureTasks(runtimeService),
        new CorrectiveActionTasks());
  }

  /** Registers the beans for the test about to run; call from {@code @BeforeEach}. */
  public static ProcessBeans registerIn(ProcessEngine engine) {
    return new ProcessBeans(engine);
  }

  private static synchronized void createTables(DataSource dataSource) {
    if (tablesCreated) {
      return;
    }
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog("classpath:db/changelog/pgd-tables.yaml");
    liquibase.setResourceLoader(new DefaultResourceLoader());
    try {
      liquibase.afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException("Could not create the application's tables in the test engine", e);
    }
    tablesCreated = true;
  }
}
