package mx.org.iecm.pgd.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import mx.org.iecm.pgd.ApplicationIdentity;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * What a login was granted on: the account's stored password (as its hash's digest) and its groups.
 * It goes with the person's authentication into the session; when the account's stamp differs later
 * (password changed, a group added or removed) or the account is gone, the session no longer stands.
 */
record AccountStamp(String digest) implements Serializable {

  /** The account's stamp now; empty when the account does not exist. */
  static Optional<AccountStamp> of(IdentityService identityService, String userId) {
    return ApplicationIdentity.call(identityService, () -> {
      List<User> users = identityService.createUserQuery().userId(userId).list();
      if (users.isEmpty()) {
        return Optional.empty();
      }
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).sorted().toList();
      return Optional.of(new AccountStamp(digest(userId + "\n" + users.get(0).getPassword() + "\n"
          + String.join(",", groups))));
    });
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
