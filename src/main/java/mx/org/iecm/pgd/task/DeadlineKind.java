package mx.org.iecm.pgd.task;

/** The kinds of deadline a task can have; their lengths are configured (pgd.deadlines.*). */
public enum DeadlineKind {
  DRAFT, REVIEW, REPORT, IMPLEMENTATION
}
