package mx.org.iecm.pgd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A task form of forms/ as its {@code <form>} element declares it: the variables it writes, with their
 * types ({@code pgd-task-form}), and those it only shows ({@code pgd-shows}).
 */
public record TaskForm(String file, Map<String, String> writes, List<String> shows, String html) {

  public static final String SUFFIX = ".form.html";
  public static final String FORM_KEY_PREFIX = "embedded:deployment:forms/";
  /** The one line every form runs to join Tasklist's form life cycle (pgd-tasklist/task-form.js). */
  public static final String ATTACH = "inject(['pgdTaskForm', function (attach) { attach(camForm, $scope); }]);";

  private static final Pattern FORM_TAG = Pattern.compile("<form\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

  /** The file of a task's form: Task_DraftProgram → draft-program.form.html. */
  public static String fileOf(String taskId) {
    return taskId.substring("Task_".length()).replaceAll("(?<!^)([A-Z])", "-$1").toLowerCase() + SUFFIX;
  }

  public static Map<String, TaskForm> readAll(Path folder) {
    Map<String, TaskForm> forms = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(SUFFIX)).toList()) {
        forms.put(file.getFileName().toString(), read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  static TaskForm read(Path file) throws IOException {
    String html = Files.readString(file);
    Matcher tag = FORM_TAG.matcher(html);
    if (!tag.find()) {
      throw new IllegalStateException(file + " has no <form> element");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher attribute = ATTRIBUTE.matcher(tag.group(1));
    while (attribute.find()) {
      attributes.put(attribute.group(1), attribute.group(2));
    }
    Map<String, String> writes = new LinkedHashMap<>();
    for (String entry : attributes.getOrDefault("pgd-task-form", "").trim().split("\\s+")) {
      String[] nameAndType = entry.split(":");
      writes.put(nameAndType[0], nameAndType[1]);
    }
    List<String> shows = Arrays.stream(attributes.getOrDefault("pgd-shows", "").trim().split("\\s+"))
        .filter(name -> !name.isEmpty()).toList();
    return new TaskForm(file.getFileName().toString(), writes, shows, html);
  }
}
