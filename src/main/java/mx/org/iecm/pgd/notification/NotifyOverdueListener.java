package mx.org.iecm.pgd.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mx.org.iecm.pgd.PgdApplication;
import mx.org.iecm.pgd.audit.CaseJournal;
import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.CycleVariables;
import mx.org.iecm.pgd.routing.Routing;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs when a task's escalation timer fires (the task itself stays open): notifies the area head, or
 * {@code managers} when the overdue task is not a staff task, and records the escalation in the
 * process instance's {@code escalations} variable.
 */
@Component("notifyOverdueListener")
public class NotifyOverdueListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyOverdueListener.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy, HH:mm",
      Locale.forLanguageTag("es-MX"));

  private final EscalationMailer mailer;
  private final CaseJournal journal;
  private final UserTasks tasks;
  private final Routing routing;
  private final Clock clock;

  public NotifyOverdueListener(EscalationMailer mailer, CaseJournal journal, UserTasks tasks, Routing routing,
      Clock clock) {
    this.mailer = mailer;
    this.journal = journal;
    this.tasks = tasks;
    this.routing = routing;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BoundaryEvent boundary = (BoundaryEvent) execution.getBpmnModelElementInstance();
    UserTask overdue = (UserTask) boundary.getAttachedTo();
    BusinessKey cycle = BusinessKey.parse(execution.getProcessBusinessKey());
    // A staff task's delay goes to the area's head; a head's or the SGCE's to the managers.
    boolean staffTask = tasks.get(overdue.getId()).role().preparesWork();
    String notifiedGroup = staffTask ? routing.groups(Role.HEAD, cycle, null).get(0) : Groups.MANAGERS;
    List<String> recipients = new ArrayList<>();
    for (User user : execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(notifiedGroup).list()) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        recipients.add(user.getEmail());
      }
    }
    List<Task> tasks = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(overdue.getId())
        .list();
    ArrayNode escalations = existing(execution.getVariable(CycleVariables.ESCALATIONS));
    String line = cycle.actionLineId() + " (" + cycle.year() + ")";
    for (Task task : tasks) {
      String due = task.getDueDate() == null ? "sin fecha"
          : DATE.format(ZonedDateTime.ofInstant(task.getDueDate().toInstant(), PgdApplication.ZONE));
      // The model's name: the task's own name already ends with the line and the year.
      String subject = "Tarea vencida: «" + overdue.getName() + "» — línea " + line;
      String body = "La tarea «" + overdue.getName() + "» del ciclo " + execution.getProcessBusinessKey()
          + " venció el " + due + " y sigue abierta"
          + (task.getAssignee() == null ? " sin persona asignada." : ", asignada a " + task.getAssignee() + ".")
          + "\n\nLínea de acción: " + execution.getVariable(CycleVariables.LINE_LABEL)
          + "\nÁrea responsable: " + execution.getVariable(CycleVariables.AREA_NAME)
          + "\n\nConsulte la tarea en Tasklist.";
      boolean mailed = mailer.send(recipients, subject, body);
      ObjectNode record = escalations.addObject()
          .put("taskId", task.getId())
          .put("taskKey", task.getTaskDefinitionKey())
          .put("task", task.getName())
          .put("assignee", task.getAssignee())
          .put("dueDate", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString())
          .put("notifiedGroup", notifiedGroup)
          .put("mailed", mailed);
      ArrayNode to = record.putArray("recipients");
      recipients.forEach(to::add);
      journal.record(new CaseJournal.Entry(0, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          CaseJournal.ESCALATION, task.getId(), task.getTaskDefinitionKey(), task.getName(), null, null,
          "Vencida el " + due + "; se notificó a " + notifiedGroup + (mailed ? " por correo." : " (sin correo configurado)."),
          task.getAssignee(), record.toString(), clock.instant()));
      LOG.info("Cycle {}: task {} ({}) overdue, notified {}", execution.getProcessBusinessKey(),
          task.getTaskDefinitionKey(), task.getId(), notifiedGroup);
    }
    execution.getProcessInstance().setVariable(CycleVariables.ESCALATIONS,
        SpinValues.jsonValue(escalations.toString()).create());
  }

  private static ArrayNode existing(Object value) {
    if (value == null) {
      return JSON.createArrayNode();
    }
    try {
      JsonNode node = JSON.readTree(value.toString());
      return node.isArray() ? (ArrayNode) node : JSON.createArrayNode();
    } catch (Exception e) {
      return JSON.createArrayNode();
    }
  }
}
