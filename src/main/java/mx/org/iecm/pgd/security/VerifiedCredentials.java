package mx.org.iecm.pgd.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;

/**
 * Remembers, for a short time, that a user's password was verified and which groups the user has,
 * so that scripts sending HTTP Basic on every call do not pay the password check and the group
 * look-up on each one. Only successful checks are remembered (a wrong password always goes to the
 * identity service, with its login throttling); the password itself is never kept, only a salted
 * SHA-256 of it with a salt that lives in memory. A change in Admin (password, groups, lock)
 * applies to API calls after at most the time to live.
 */
final class VerifiedCredentials {

  private record Entry(byte[] digest, List<GrantedAuthority> authorities) {
  }

  private final Cache<String, Entry> verified;
  private final byte[] salt = new byte[32];
  private final boolean enabled;

  VerifiedCredentials(Duration timeToLive, int maximumUsers) {
    this.enabled = !timeToLive.isZero() && !timeToLive.isNegative();
    this.verified = Caffeine.newBuilder().expireAfterWrite(enabled ? timeToLive : Duration.ofNanos(1))
        .maximumSize(maximumUsers).build();
    new SecureRandom().nextBytes(salt);
  }

  Optional<List<GrantedAuthority>> find(String userId, String password) {
    if (!enabled) {
      return Optional.empty();
    }
    Entry entry = verified.getIfPresent(userId);
    if (entry == null || !MessageDigest.isEqual(entry.digest(), digest(userId, password))) {
      return Optional.empty();
    }
    return Optional.of(entry.authorities());
  }

  void remember(String userId, String password, List<GrantedAuthority> authorities) {
    if (enabled) {
      verified.put(userId, new Entry(digest(userId, password), List.copyOf(authorities)));
    }
  }

  void forget(String userId) {
    verified.invalidate(userId);
  }

  private byte[] digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
