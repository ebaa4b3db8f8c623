package mx.org.iecm.pgd.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operations scripts and PostgreSQL's client tools as an operator would, from the
 * project's folder, and fails with their output when they fail.
 */
public final class Shell {

  private Shell() {
  }

  public record Result(int exitCode, String output) {

  }

  public static String lastLineOf(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }

  /** Runs the command and returns its result whatever its exit code. */
  public static Result run(Map<String, String> environment, List<String> command) {
    requireTool(command.get(0));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("Still running after 5 minutes: " + command);
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running " + command, e);
    }
  }

  /** Runs the command and returns its output, failing the test when it exits non-zero. */
  public static String succeed(Map<String, String> environment, List<String> command) {
    Result result = run(environment, command);
    if (result.exitCode() != 0) {
      throw new AssertionError(command + " exited with " + result.exitCode() + ":\n" + result.output());
    }
    return result.output();
  }

  /** libpq's connection variables for a role of the embedded test server. */
  public static Map<String, String> libpq(String user, String password, String database) {
    return Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(EmbeddedPostgresServer.port()),
        "PGUSER", user, "PGPASSWORD", password, "PGDATABASE", database);
  }

  private static void requireTool(String tool) {
    if (tool.contains("/")) {
      return;
    }
    boolean found = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
        .anyMatch(folder -> Path.of(folder, tool).toFile().canExecute());
    if (!found) {
      throw new AssertionError(tool + " is not installed: install Debian's postgresql-client "
          + "(apt-get install postgresql-client), as .ci/run does");
    }
  }
}
