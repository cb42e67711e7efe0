package cz.intouch.support.extranet;

import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.ContactRegistered;
import cz.intouch.support.customer.ContractActivated;
import cz.intouch.support.customer.CustomerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every contact the company vouched for (imported by staff, confirmed by an agent) gets an extranet account while
 * the company's contract is valid: when the import creates or vouches for the contact, when an agent vouches for it,
 * and when the company's contract becomes valid again (renewal) for the vouched contacts it already has. A person
 * merely named on a ticket gets none ({@link ExtranetAccounts#invite} refuses it).
 */
@Component
class ExtranetInvitations {

  private static final Logger log = LoggerFactory.getLogger(ExtranetInvitations.class);

  private final ExtranetAccounts accounts;
  private final CustomerRegistry customers;
  private final TransactionTemplate ownTransaction;

  ExtranetInvitations(ExtranetAccounts accounts, CustomerRegistry customers, PlatformTransactionManager transactions) {
    this.accounts = accounts;
    this.customers = customers;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener
  void contractActivated(ContractActivated event) {
    for (Contact contact : customers.contactsOf(event.companyId())) {
      if (contact.vouched()) {
        invite(contact.id());
      }
    }
  }

  @EventListener
  void contactRegistered(ContactRegistered event) {
    if (!event.contractValid() || event.email() == null) {
      return;
    }
    invite(event.contactId());
  }

  /**
   * Invites a contact an agent has just vouched for, once the agent's task completion committed: a rolled-back
   * completion sends no link to an account that is not there.
   */
  void inviteAfterCommit(long contactId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      invite(contactId);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        // the finished transaction's connection is still bound: only a new transaction commits the account
        ownTransaction.executeWithoutResult(status -> invite(contactId));
      }
    });
  }

  private void invite(long contactId) {
    try {
      accounts.invite(contactId); // idempotent: an existing account is left alone
    } catch (RuntimeException e) {
      // the import must go on; the contact can ask for a new link on the reset page
      log.warn("Extranet invitation of contact {} failed: {}", contactId, e.getMessage());
    }
  }
}
