package mx.org.iecm.pgd.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mx.org.iecm.pgd.support.ProcessBeans;
import mx.org.iecm.pgd.task.TaskForm;
import mx.org.iecm.pgd.task.TaskForms;
import mx.org.iecm.pgd.task.UserTasks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the diagrams in bpmn/ with the Camunda BPMN Model API: the rules every process and user task keeps.
 */
class ProcessModelTest {

  static final Path BPMN = Path.of("bpmn");
  static final Path FORMS = Path.of("forms");
  static final Map<String, BpmnModelInstance> MODELS = new HashMap<>();
  static final String FORM_KEY_PREFIX = "embedded:deployment:forms/";
  /** The one line every form runs to join Tasklist's form life cycle (pgd-tasklist/task-form.js). */
  static final String ATTACH = "inject(['pgdTaskForm', function (attach) { attach(camForm, $scope); }]);";
  /** Each form of forms/ by its file name, with the fields it writes. */
  static final Map<String, TaskForm> FORMS_BY_FILE = new HashMap<>();

  @BeforeAll
  static void readModelsAndForms() throws IOException {
    try (Stream<Path> files = Files.list(BPMN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        MODELS.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
      }
    }
    FORMS_BY_FILE.putAll(ProcessBeans.FORMS.all());
  }

  private static List<UserTask> userTasks() {
    List<UserTask> tasks = new ArrayList<>();
    MODELS.values().forEach(model -> tasks.addAll(model.getModelElementsByType(UserTask.class)));
    return tasks;
  }

  @Test
  void theProcessesOfTheInterfaceExistOnePerFileNamedAfterTheirKey() {
    assertThat(MODELS.keySet()).containsExactlyInAnyOrder("action-line-lifecycle.bpmn", "action-line-planning.bpmn",
        "action-line-execution.bpmn", "action-line-review.bpmn", "action-line-closure.bpmn", "corrective-action.bpmn",
        "program-change.bpmn");
    MODELS.forEach((file, model) -> {
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      assertThat(file).isEqualTo(process.getId() + ".bpmn");
      assertThat(process.isExecutable()).isTrue();
      assertThat(process.getCamundaVersionTag()).as("versionTag of %s", file).isNotBlank();
      // ISO 9001 7.5: the record of a cycle is kept at least six years after it ends.
      assertThat(Integer.parseInt(process.getCamundaHistoryTimeToLiveString())).as("historyTimeToLive of %s", file)
          .isGreaterThanOrEqualTo(6 * 365);
    });
  }

  @Test
  void everyUserTaskHasAComputedCandidateGroupAFormThatExistsADueDateAndAnEscalation() {
    assertThat(userTasks()).hasSize(22);
    for (UserTask task : userTasks()) {
      assertThat(task.getName()).as("name of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).startsWith("${routing.");
      assertThat(task.getCamundaAssignee()).as("assignee of %s", task.getId()).isNull();
      assertThat(task.getCamundaFormKey()).as("form of %s", task.getId())
          .isEqualTo(FORM_KEY_PREFIX + TaskForms.fileOf(task.getId()));
      assertThat(FORMS_BY_FILE).as("form of %s", task.getId()).containsKey(TaskForms.fileOf(task.getId()));
      assertThat(task.getCamundaCandidateGroups()).isEqualTo("${routing.candidates(execution)}");
      assertThat(task.getCamundaDueDate()).isEqualTo("${deadlines.dueDate(now(), execution)}");
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).startsWith("${deadlines.dueDate(now(),");
      List<BoundaryEvent> escalations = task.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
          .filter(event -> event.getAttachedTo() == task && !event.cancelActivity()).toList();
      assertThat(escalations).as("escalation timer of %s", task.getId()).hasSize(1);
    }
  }

  @Test
  void everyUserTaskIsReadiedCheckedAndJournaledByOurListeners() {
    for (UserTask task : userTasks()) {
      List<String> listeners = new ArrayList<>();
      task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).list()
          .forEach(listener -> listeners.add("execution " + listener.getCamundaEvent() + " "
              + listener.getCamundaDelegateExpression()));
      task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list()
          .forEach(listener -> listeners.add("task " + listener.getCamundaEvent() + " "
              + listener.getCamundaDelegateExpression()));
      // The complete listener hands the completing task's id to the end listener (no history lookup).
      assertThat(listeners).as("listeners of %s", task.getId()).containsExactlyInAnyOrder(
          "execution end ${validateSubmissionListener}", "task create ${prepareTaskListener}",
          "task complete ${validateSubmissionListener}");
    }
  }

  @Test
  void everyFormIsUsedByATaskAndDecisionFormsOfferTheDecisionAndComments() {
    List<String> referenced = userTasks().stream().map(task -> TaskForms.fileOf(task.getId())).toList();
    assertThat(FORMS_BY_FILE.keySet()).containsExactlyInAnyOrderElementsOf(referenced);
    FORMS_BY_FILE.forEach((file, form) -> {
      if (form.writes().containsKey("decision")) {
        assertThat(form.writes()).as("fields of %s", file).containsOnlyKeys("decision", "comments");
        assertThat(form.decides()).as("decision of %s", file).isTrue();
      }
      assertThat(html(file)).as("%s attaches to Tasklist's form", file).contains(ATTACH);
      // The Forms SDK refuses to fetch a variable twice: such a form would never load.
      assertThat(form.shows()).as("variables %s shows", file).doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(form.writes().keySet());
    });
  }

  @Test
  void everyUserTaskSaysInSpanishWhatItAsks() {
    // Tasklist shows a user task's documentation as its description.
    assertThat(userTasks()).allSatisfy(task -> assertThat(task.getDocumentations())
        .as("description of %s", task.getId()).singleElement()
        .satisfies(documentation -> assertThat(documentation.getTextContent()).hasSizeGreaterThan(40).endsWith(".")));
  }

  @Test
  void everyUserTaskOfTheDiagramsIsDeclaredOnceAndEveryDeclarationIsInADiagram() {
    UserTasks declared = new UserTasks(ProcessBeans.declarations(null, null), ProcessBeans.FORMS);
    List<String> inDiagrams = userTasks().stream().map(UserTask::getId).toList();
    assertThat(inDiagrams).doesNotHaveDuplicates();
    assertThat(declared.all()).extracting(task -> task.id()).containsExactlyInAnyOrderElementsOf(inDiagrams);
  }

  private static String html(String file) {
    try {
      return Files.readString(FORMS.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void callActivitiesPassTheBusinessKeyAndNamedVariablesOnly() {
    List<String> called = new java.util.ArrayList<>();
    for (BpmnModelInstance model : MODELS.values()) {
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        called.add(call.getCalledElement());
        List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        assertThat(ins).as("business key into %s", call.getId())
            .anyMatch(in -> "#{execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
        assertThat(ins).as("no 'all variables' in %s", call.getId())
            .noneMatch(in -> "all".equals(in.getCamundaVariables()));
        // The cycle's line, year and area come from the key (CycleContextListener), never from the caller.
        assertThat(ins).extracting(CamundaIn::getCamundaTarget).as("context mapped into %s", call.getId())
            .doesNotContain("planCode", "actionLineId", "year", "responsibleArea", "lineText", "areaName");
      }
    }
    for (BpmnModelInstance model : MODELS.values()) {
      for (org.camunda.bpm.model.bpmn.instance.Process process
          : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
        if (called.contains(process.getId())) {
          assertThat(process.getExtensionElements().getElementsQuery()
              .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).list())
              .as("start listeners of %s", process.getId())
              .anyMatch(listener -> "start".equals(listener.getCamundaEvent())
                  && "${cycleContextListener}".equals(listener.getCamundaDelegateExpression()));
        }
      }
    }
  }

  @Test
  void everyElementIsLaidOutAndIdsAreOnPurpose() {
    for (BpmnModelInstance model : MODELS.values()) {
      List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
          .map(shape -> shape.getBpmnElement().getId()).toList();
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(shapes).as("shape of %s", node.getId()).contains(node.getId());
        assertThat(node.getId()).matches("(Task|Gateway|Event|CallActivity|SubProcess)_[A-Z][A-Za-z]+");
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z0-9]+");
      }
    }
  }
}
