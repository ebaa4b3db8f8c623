package mx.org.iecm.pgd.audit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the cycle's record when the cycle closes. The seal is computed right after the closing
 * transaction commits, so that it covers every history row the closure wrote, in a transaction of its own.
 */
@Component("sealCaseListener")
public class SealCaseListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(SealCaseListener.class);

  private final CaseSeals seals;
  private final TransactionTemplate newTransaction;
  private final IdentityService identityService;

  public SealCaseListener(CaseSeals seals, PlatformTransactionManager transactions, IdentityService identityService) {
    this.seals = seals;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      LOG.warn("Cycle {} closed outside a Spring transaction: its record was not sealed", businessKey);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
          newTransaction.executeWithoutResult(status -> seals.seal(businessKey));
        } catch (RuntimeException e) {
          LOG.error("Cycle {}: the record could not be sealed", businessKey, e);
        } finally {
          if (caller != null) {
            identityService.setAuthentication(caller);
          }
        }
      }
    });
  }
}
