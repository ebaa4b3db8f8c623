package mx.org.iecm.pgd.status;

import java.util.List;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.routing.Routing;
import mx.org.iecm.pgd.task.Role;
import mx.org.iecm.pgd.task.UserTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The groups an open task is routed to, worked out from its declared role and the line in the catalog,
 * as Routing assigned them, without one query per task.
 */
@Component
class CandidateGroups {

  private static final Logger LOG = LoggerFactory.getLogger(CandidateGroups.class);

  private final UserTasks tasks;
  private final Routing routing;

  CandidateGroups(UserTasks tasks, Routing routing) {
    this.tasks = tasks;
    this.routing = routing;
  }

  List<String> of(String taskKey, BusinessKey cycle, String coArea) {
    try {
      return tasks.find(taskKey)
          .filter(task -> task.role() != Role.CO_RESPONSIBLE_HEAD || coArea != null)
          .map(task -> routing.groups(task.role(), cycle, coArea))
          .orElse(List.of());
    } catch (IllegalStateException e) {
      // A line the catalog no longer has: the overview shows the task without its groups.
      LOG.warn("Cycle {}: no groups for task {}: {}", cycle, taskKey, e.getMessage());
      return List.of();
    }
  }
}
