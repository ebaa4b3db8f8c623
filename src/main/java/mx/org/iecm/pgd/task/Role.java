package mx.org.iecm.pgd.task;

/**
 * Who does a user task. It decides the task's candidate groups (Routing), who hears of it when it is
 * overdue, and whether completing it prepares work (staff) or decides on someone else's (the others).
 */
public enum Role {
  /** The responsible area's staff (enlaces): they prepare the work. */
  STAFF,
  /** The responsible area's head (titular). */
  HEAD,
  /** The head of one co-responsible area, in a multi-instance task over the line's co-responsible areas. */
  CO_RESPONSIBLE_HEAD,
  /** The line's reviewers (the SGCE office by default): their decisions are the SGCE's rulings. */
  REVIEWER,
  /**
   * The line's planning reviewers (the planning office by default): they validate that the program can be
   * measured and analyse the deviations the follow-up finds.
   */
  PLANNING_REVIEWER;

  public boolean preparesWork() {
    return this == STAFF;
  }
}
