package mx.org.iecm.pgd.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Accounts a test creates for itself (and removes after), in one group. */
public final class TestAccounts {

  private TestAccounts() {
  }

  public static void create(IdentityService identityService, String id, String firstName, String lastName,
      String password, String group) {
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
