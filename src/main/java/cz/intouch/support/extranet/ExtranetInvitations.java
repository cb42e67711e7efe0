package cz.intouch.support.extranet;

import cz.intouch.support.customer.ContactRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every contact the import creates for a company with a valid contract gets an extranet account. */
@Component
class ExtranetInvitations {

  private static final Logger log = LoggerFactory.getLogger(ExtranetInvitations.class);

  private final ExtranetAccounts accounts;

  ExtranetInvitations(ExtranetAccounts accounts) {
    this.accounts = accounts;
  }

  @EventListener
  void contactRegistered(ContactRegistered event) {
    if (!event.contractValid() || event.email() == null) {
      return;
    }
    try {
      accounts.invite(event.contactId());
    } catch (RuntimeException e) {
      // the import must go on; the contact can ask for a new link on the reset page
      log.warn("Extranet invitation of contact {} failed: {}", event.contactId(), e.getMessage());
    }
  }
}
