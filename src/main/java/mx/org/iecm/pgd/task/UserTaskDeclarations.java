package mx.org.iecm.pgd.task;

import java.util.List;

/** The user tasks of one phase, as its package declares them. */
public interface UserTaskDeclarations {

  List<UserTask> userTasks();
}
