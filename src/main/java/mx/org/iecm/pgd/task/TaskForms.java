package mx.org.iecm.pgd.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The task forms deployed with the processes (forms/*.form.html), read once: each form is the one
 * place where its fields' names and types and its decisions are written, for the browser
 * (pgd-tasklist/task-form.js reads the same attributes) and for the server.
 */
public final class TaskForms {

  public static final String SUFFIX = ".form.html";
  static final String LOCATION = "classpath:forms/*" + SUFFIX;
  private static final Pattern FIELD = Pattern.compile("(\\w+):(String|Double|Json)(?:\\(([\\w,]+)\\))?");

  private final Map<String, TaskForm> byFile;

  private TaskForms(Map<String, TaskForm> byFile) {
    this.byFile = Map.copyOf(byFile);
  }

  /** The forms on the classpath, where the build puts forms/. */
  public static TaskForms fromClasspath() {
    Map<String, TaskForm> forms = new TreeMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          TaskForm form = read(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          forms.put(form.file(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the task forms at " + LOCATION, e);
    }
    return new TaskForms(forms);
  }

  /** The file of a task's form: Task_DraftProgram → draft-program.form.html. */
  public static String fileOf(String taskId) {
    return taskId.substring("Task_".length()).replaceAll("(?<!^)([A-Z])", "-$1").toLowerCase() + SUFFIX;
  }

  public Map<String, TaskForm> all() {
    return byFile;
  }

  /** The form of a task, when there is one. */
  public Optional<TaskForm> ofTask(String taskId) {
    return Optional.ofNullable(byFile.get(fileOf(taskId)));
  }

  static TaskForm read(String file, String html) {
    Document document = Jsoup.parse(html);
    Element form = document.selectFirst("form");
    if (form == null) {
      throw new IllegalStateException("The task form " + file + " has no <form> element");
    }
    Map<String, TaskForm.Field> writes = new LinkedHashMap<>();
    for (String entry : form.attr("pgd-task-form").trim().split("\\s+")) {
      if (entry.isEmpty()) {
        continue;
      }
      Matcher field = FIELD.matcher(entry);
      if (!field.matches() || (!"Json".equals(field.group(2)) && field.group(3) != null)) {
        throw new IllegalStateException("The task form " + file + " declares «" + entry + "», which is not"
            + " name:String, name:Double, name:Json(column,…) or name:Json");
      }
      TaskForm.Type type = switch (field.group(2)) {
        case "String" -> TaskForm.Type.STRING;
        case "Double" -> TaskForm.Type.NUMBER;
        default -> field.group(3) == null ? TaskForm.Type.DOCUMENT : TaskForm.Type.LIST;
      };
      writes.put(field.group(1), new TaskForm.Field(field.group(1), type,
          field.group(3) == null ? List.of() : List.of(field.group(3).split(","))));
    }
    List<String> shows = Arrays.stream(form.attr("pgd-shows").trim().split("\\s+"))
        .filter(name -> !name.isEmpty()).toList();
    Element decision = document.selectFirst("pgd-decision");
    return new TaskForm(file, writes, shows, decision == null ? null : decision(file, decision));
  }

  private static TaskForm.Decision decision(String file, Element element) {
    Map<String, String> options = labels(file, element.attr("options"));
    Map<String, String> recorded = labels(file, element.attr("recorded"));
    if (!recorded.keySet().equals(options.keySet())) {
      throw new IllegalStateException("The task form " + file + " records the decisions " + recorded.keySet()
          + " but offers " + options.keySet());
    }
    Set<String> withoutComments = new LinkedHashSet<>(
        Arrays.stream(element.attr("without-comments").trim().split("\\s+")).filter(v -> !v.isEmpty()).toList());
    String label = element.hasAttr("label") ? element.attr("label") : "Decisión";
    return new TaskForm.Decision(label, options, withoutComments, recorded);
  }

  /** "approve:Aprobar|return:Devolver" → {approve=Aprobar, return=Devolver}, in order. */
  private static Map<String, String> labels(String file, String attribute) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String option : attribute.split("\\|")) {
      int colon = option.indexOf(':');
      if (colon < 1) {
        throw new IllegalStateException("The task form " + file + " has a decision without a label: " + option);
      }
      labels.put(option.substring(0, colon), option.substring(colon + 1));
    }
    return labels;
  }
}
