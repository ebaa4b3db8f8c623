package mx.org.iecm.pgd;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls in the application's own name, without the caller's authorizations, and gives the
 * caller back afterwards. For what the application checks itself before acting (who may ask for a
 * change, who may comment on a task) and for what it does on its own (sealing a closed cycle).
 */
public final class ApplicationIdentity {

  private ApplicationIdentity() {
  }

  public static <T> T call(IdentityService identityService, Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** Runs engine calls in a person's name, with their groups' authorizations, and gives the caller back. */
  public static void runAs(IdentityService identityService, String userId, List<String> groups, Runnable work) {
    callAs(identityService, userId, groups, () -> {
      work.run();
      return null;
    });
  }

  /** {@link #runAs} with a result. */
  public static <T> T callAs(IdentityService identityService, String userId, List<String> groups, Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      } else {
        identityService.clearAuthentication();
      }
    }
  }

  public static void run(IdentityService identityService, Runnable work) {
    call(identityService, () -> {
      work.run();
      return null;
    });
  }
}
