package cz.intouch.support.extranet;

import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.ContactRegistered;
import cz.intouch.support.customer.ContractActivated;
import cz.intouch.support.customer.CustomerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every contact of a company with a valid contract gets an extranet account: when the import creates the contact,
 * and when the company's contract becomes valid again (renewal) for the contacts it already has.
 */
@Component
class ExtranetInvitations {

  private static final Logger log = LoggerFactory.getLogger(ExtranetInvitations.class);

  private final ExtranetAccounts accounts;
  private final CustomerRegistry customers;

  ExtranetInvitations(ExtranetAccounts accounts, CustomerRegistry customers) {
    this.accounts = accounts;
    this.customers = customers;
  }

  @EventListener
  void contractActivated(ContractActivated event) {
    for (Contact contact : customers.contactsOf(event.companyId())) {
      if (contact.email() != null) {
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

  private void invite(long contactId) {
    try {
      accounts.invite(contactId); // idempotent: an existing account is left alone
    } catch (RuntimeException e) {
      // the import must go on; the contact can ask for a new link on the reset page
      log.warn("Extranet invitation of contact {} failed: {}", contactId, e.getMessage());
    }
  }
}
