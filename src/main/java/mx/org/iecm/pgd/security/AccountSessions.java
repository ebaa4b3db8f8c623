package mx.org.iecm.pgd.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends what a person holds when their account changes in a way that must reach them at once (password,
 * groups, deletion): every session of theirs (Spring Session's index by principal name) and the
 * remembered HTTP Basic check.
 */
@Component
public class AccountSessions {

  private static final Logger LOG = LoggerFactory.getLogger(AccountSessions.class);

  private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
  private final IdentityServiceAuthenticationProvider credentials;

  AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
      IdentityServiceAuthenticationProvider credentials) {
    this.sessions = sessions;
    this.credentials = credentials;
  }

  /** Ends the sessions of {@code userId}; the number ended. */
  public int end(String userId) {
    credentials.forget(userId);
    FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
    if (repository == null) {
      return 0;
    }
    var ids = repository.findByPrincipalName(userId).keySet();
    ids.forEach(repository::deleteById);
    if (!ids.isEmpty()) {
      LOG.info("Account {} changed: {} session(s) ended", userId, ids.size());
    }
    return ids.size();
  }
}
