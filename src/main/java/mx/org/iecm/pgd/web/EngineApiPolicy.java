package mx.org.iecm.pgd.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What people other than {@code camunda-admin} may ask of the engine APIs ({@code /engine-rest} and the
 * webapps' {@code /camunda/api/engine}) besides reading: a short list, and nothing else. Reading
 * ({@code GET}, and the queries that send their filters in a {@code POST} body) is left to the engine's
 * authorizations, which show each person only what their role may read. Every other write (starting,
 * modifying, suspending or deleting instances, correlating messages and signals, variables, jobs,
 * deployments, users, comments on instances) is refused with 403 for everyone but {@code camunda-admin}:
 * cycles move through their tasks and through {@code /api/cycles}, which acts on the person's behalf.
 *
 * <p>The README's table of engine API rights is written from {@link #RULES}.
 */
public final class EngineApiPolicy {

  /** What the application checks before letting a write through to the engine. */
  public enum Access {
    /** A query; the engine answers with what the caller may read. */
    QUERY,
    /** Completing a task: only the fields of its form, with their declared types ({@code CompletionPolicy}). */
    COMPLETE,
    /** Claiming a task for oneself: the body's {@code userId} is the caller. */
    CLAIM_FOR_ONESELF,
    /** Releasing a task the caller holds; the application releases it in the caller's name. */
    UNCLAIM_OWN,
    /** Something only the people who may work the task do: its candidate group or its assignee. */
    WORK_TASK
  }

  /** Requests of {@code method} on resources matching {@code resource} are let through after {@code access}. */
  public record Rule(String method, String shown, Pattern resource, Access access, String meaning) {

    boolean matches(String requestMethod, String requestResource) {
      return method.equals(requestMethod) && resource.matcher(requestResource).matches();
    }
  }

  private static final String QUERIES = "task|process-instance|execution|variable-instance|job|job-definition"
      + "|external-task|group|case-instance|case-execution|history/(?:process-instance|activity-instance|task"
      + "|variable-instance|detail|case-instance|external-task-log|job-log)";

  public static final List<Rule> RULES = List.of(
      new Rule("POST", "task, process-instance, history/… (y su /count), filter/{id}/list…",
          Pattern.compile("(?:" + QUERIES + ")(?:/count)?|filter/[^/]+/(?:list|count|singleResult)"), Access.QUERY,
          "consultas con filtros en el cuerpo; el motor responde solo lo que cada quien puede leer"),
      new Rule("POST", "task/{id}/submit-form, task/{id}/complete, task/{id}/resolve",
          Pattern.compile("task/[^/]+/(?:submit-form|complete|resolve)"), Access.COMPLETE,
          "completar una tarea de su grupo o asignada a la persona: solo los campos de su formulario, con su tipo"),
      new Rule("POST", "task/{id}/claim", Pattern.compile("task/[^/]+/claim"), Access.CLAIM_FOR_ONESELF,
          "reclamar una tarea de su grupo para sí misma (`userId` es quien llama)"),
      new Rule("POST", "task/{id}/unclaim", Pattern.compile("task/[^/]+/unclaim"), Access.UNCLAIM_OWN,
          "liberar una tarea que la persona tiene asignada"),
      // Files go to the application's evidence (/api/tasks/{id}/evidence), which checks their type and
      // seals their hash; the engine's own attachments check neither, so they are the administration's only.
      new Rule("POST", "task/{id}/comment/create", Pattern.compile("task/[^/]+/comment/create"), Access.WORK_TASK,
          "comentar en una tarea que la persona puede trabajar (su grupo candidato o asignada a ella); el motor exige"
              + " además leer el historial de la tarea, que de los grupos de trabajo solo tiene la Oficina del SGCE."
              + " Los archivos van a «Evidencias» (`/api/tasks/{id}/evidence`), no a los adjuntos del motor"));

  /** Variable writes outside a completion: refused with their own message, which says what to do instead. */
  static final Pattern VARIABLES = Pattern.compile(
      "(?:task|process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?");

  static final String VARIABLES_REFUSED = "Solo la administración escribe variables fuera de la tarea que las pide:"
      + " complete la tarea con su formulario.";

  public static final String WRITE_REFUSED = "Solo la administración (camunda-admin) puede hacer esta operación por la API"
      + " del motor: los ciclos avanzan por sus tareas, y se inician, cancelan o modifican por /api/cycles.";

  private EngineApiPolicy() {
  }

  /** The rule that lets a write through, if any; reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) need none. */
  static Optional<Rule> rule(String method, String resource) {
    return RULES.stream().filter(rule -> rule.matches(method, resource)).findFirst();
  }

  static boolean isRead(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  /** The rules as the Markdown table of the README's security section. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder("| petición | quién | qué |\n|---|---|---|\n");
    table.append("| `GET` (toda lectura) | cualquier persona con sesión | lo que sus autorizaciones de Camunda le dejan"
        + " leer |\n");
    for (Rule rule : RULES) {
      table.append("| `").append(rule.method()).append("` ").append(rule.shown()).append(" | cualquier persona con"
          + " sesión | ").append(rule.meaning()).append(" |\n");
    }
    table.append("| cualquier otra escritura (`POST`, `PUT`, `DELETE`) | solo `camunda-admin` | iniciar, modificar,"
        + " suspender o borrar instancias; mensajes y señales; variables; trabajos y definiciones de trabajo;"
        + " despliegues; usuarios, grupos y autorizaciones; asignar a otra persona |\n");
    return table.toString();
  }
}
