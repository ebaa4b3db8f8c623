package mx.org.iecm.pgd.audit;

import mx.org.iecm.pgd.ApplicationIdentity;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the seals of closed cycles, each in a transaction of its own and in the application's name:
 * right after a closure commits, and again, until it succeeds, for every closed cycle still waiting
 * (the database was down a moment, the node stopped between the closure and its seal). The health
 * endpoint reports those still waiting ({@link CaseSealsHealthIndicator}).
 */
@Component
public class PendingSeals {

  private static final Logger LOG = LoggerFactory.getLogger(PendingSeals.class);

  private final CaseSeals seals;
  private final TransactionTemplate newTransaction;
  private final IdentityService identityService;

  public PendingSeals(CaseSeals seals, PlatformTransactionManager transactions, IdentityService identityService) {
    this.seals = seals;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.identityService = identityService;
  }

  /** Seals the closed cycle; a failure is noted on its pending row and retried later. */
  public boolean seal(String businessKey) {
    try {
      ApplicationIdentity.run(identityService,
          () -> newTransaction.executeWithoutResult(status -> seals.seal(businessKey)));
      return true;
    } catch (RuntimeException e) {
      LOG.error("Cycle {}: the record could not be sealed; it will be tried again", businessKey, e);
      try {
        newTransaction.executeWithoutResult(status -> seals.failedAttempt(businessKey, e));
      } catch (RuntimeException unrecorded) {
        LOG.warn("Cycle {}: the failed attempt could not be noted either", businessKey, unrecorded);
      }
      return false;
    }
  }

  /** Seals every closed cycle still waiting for its seal; the number sealed. */
  @Scheduled(fixedDelayString = "${pgd.seals.retry-delay:PT1M}", initialDelayString = "${pgd.seals.retry-delay:PT1M}")
  public int sealWaiting() {
    int sealed = 0;
    for (CaseSeals.Pending pending : seals.pending()) {
      if (seal(pending.businessKey())) {
        sealed++;
      }
    }
    return sealed;
  }
}
