package cz.intouch.support.ticket;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction has committed. Counters of what happened to tickets count through it:
 * a step that rolls back and is retried by its job counts once, a start refused by a check not at all.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /** After the commit of the transaction in progress, or at once when there is none. */
  public static void run(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }
}
