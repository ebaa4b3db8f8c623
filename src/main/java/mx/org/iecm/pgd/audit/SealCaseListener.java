package mx.org.iecm.pgd.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seals the cycle's record when the cycle closes. The closure notes, in its own transaction, that the
 * cycle is to be sealed; the seal is computed right after that transaction commits, so that it covers
 * every history row the closure wrote, in a transaction of its own. A seal that fails then is made
 * later by {@link PendingSeals}, from the note.
 */
@Component("sealCaseListener")
public class SealCaseListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(SealCaseListener.class);

  private final CaseSeals seals;
  private final PendingSeals pendingSeals;

  public SealCaseListener(CaseSeals seals, PendingSeals pendingSeals) {
    this.seals = seals;
    this.pendingSeals = pendingSeals;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    seals.markPending(businessKey);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      LOG.warn("Cycle {} closed outside a Spring transaction: its record will be sealed by the retry", businessKey);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        pendingSeals.seal(businessKey);
      }
    });
  }
}
