package mx.org.iecm.pgd.task;

/**
 * The evidence files a task holds, as completion checks need to know them (the files themselves are
 * the evidence package's).
 */
public interface TaskEvidence {

  /** How many files task {@code taskId} holds. */
  int count(String taskId);
}
