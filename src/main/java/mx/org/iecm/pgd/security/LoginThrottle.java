package mx.org.iecm.pgd.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per account and per client address over a window ({@code lockout}, 15 min by
 * default). An account with {@code maxPerAccount} failures (10) is locked for that time, and then
 * unlocked by itself (an administrator can unlock it earlier in Admin); an address with
 * {@code maxPerAddress} failures (30), whatever the accounts, is refused for that time too, so that one
 * address cannot lock everybody: it locks at most three accounts per window. A refusal looks exactly
 * like a wrong password. Each lock is logged and counted ({@code pgd_login_locks_total{kind}}).
 *
 * <p>The counts live in each node's memory: with two nodes behind the proxy an attacker gets at most
 * twice the attempts.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Cache<String, Integer> accountFailures;
  private final Cache<String, Integer> addressFailures;
  private final Counter accountLocks;
  private final Counter addressLocks;

  LoginThrottle(@Value("${pgd.security.login.max-failures-per-account:10}") int maxPerAccount,
      @Value("${pgd.security.login.max-failures-per-address:30}") int maxPerAddress,
      @Value("${pgd.security.login.lockout:15m}") Duration lockout, MeterRegistry registry) {
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.accountFailures = Caffeine.newBuilder().expireAfterWrite(lockout).maximumSize(100_000).build();
    this.addressFailures = Caffeine.newBuilder().expireAfterWrite(lockout).maximumSize(100_000).build();
    this.accountLocks = Counter.builder("pgd.login.locks").tag("kind", "account")
        .description("Accounts locked after too many failed logins").register(registry);
    this.addressLocks = Counter.builder("pgd.login.locks").tag("kind", "address")
        .description("Client addresses refused after too many failed logins").register(registry);
  }

  /** Whether a login of {@code userId} from {@code address} is refused without looking at the password. */
  public boolean refuses(String userId, String address) {
    return count(accountFailures, userId) >= maxPerAccount || count(addressFailures, address) >= maxPerAddress;
  }

  /** Counts a wrong password; the window of the account and of the address starts again. */
  public void failed(String userId, String address) {
    if (increment(accountFailures, userId) == maxPerAccount) {
      accountLocks.increment();
      LOG.warn("Login: account {} locked after {} failed attempts (last from {})", userId, maxPerAccount, address);
    }
    if (address != null && increment(addressFailures, address) == maxPerAddress) {
      addressLocks.increment();
      LOG.warn("Login: address {} refused after {} failed attempts (last for account {})", address, maxPerAddress,
          userId);
    }
  }

  /** A correct password clears the account's failures. */
  public void succeeded(String userId) {
    accountFailures.invalidate(userId);
  }

  /** An administrator's unlock. */
  public void unlock(String userId) {
    accountFailures.invalidate(userId);
    LOG.info("Login: account {} unlocked by an administrator", userId);
  }

  private static int count(Cache<String, Integer> failures, String key) {
    Integer count = key == null ? null : failures.getIfPresent(key);
    return count == null ? 0 : count;
  }

  /** One more failure; the write starts the window again from it. */
  private static int increment(Cache<String, Integer> failures, String key) {
    return failures.asMap().merge(key, 1, Integer::sum);
  }
}
