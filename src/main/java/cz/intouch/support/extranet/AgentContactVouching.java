package cz.intouch.support.extranet;

import static cz.intouch.support.ticket.TicketVariables.COMPANY_ID;
import static cz.intouch.support.ticket.TicketVariables.COMPANY_NAME;
import static cz.intouch.support.ticket.TicketVariables.CONTACT_EMAIL;
import static cz.intouch.support.ticket.TicketVariables.CONTACT_NAME;
import static cz.intouch.support.ticket.TicketVariables.VOUCH_CONTACT;

import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.CustomerRegistry;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The checkbox "Ověřit kontakt a založit účet na extranetu" of the agent's task form
 * ({@code ${agentContactVouching.confirm(task)}} on completion): the agent has confirmed with the company that the
 * ticket's contact and address are theirs, so the contact may hold an extranet account and is invited (while the
 * contract is valid). When that cannot be done the completion fails with the reason, for the agent to see.
 */
@Component("agentContactVouching")
public class AgentContactVouching {

  private final CustomerRegistry customers;
  private final ExtranetInvitations invitations;

  AgentContactVouching(CustomerRegistry customers, ExtranetInvitations invitations) {
    this.customers = customers;
    this.invitations = invitations;
  }

  public void confirm(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(VOUCH_CONTACT))) {
      return;
    }
    Company company = text(task, COMPANY_ID).flatMap(customers::findCompanyByIco)
        .or(() -> text(task, COMPANY_NAME).flatMap(customers::findCompanyByName))
        .orElseThrow(() -> refused("firma tiketu není v registru zákazníků"));
    Contact contact = text(task, CONTACT_NAME).flatMap(name -> customers.findContact(company.id(), name))
        .orElseThrow(() -> refused("kontaktní osoba tiketu není kontaktem firmy " + company.name()));
    String email = text(task, CONTACT_EMAIL).orElseThrow(() -> refused("tiket nemá e-mailovou adresu"));
    Contact vouched = customers.vouchByAgent(contact.id(), email)
        .orElseThrow(() -> refused("adresa " + email + " není adresou kontaktu " + contact.fullName()));
    invitations.inviteAfterCommit(vouched.id());
  }

  private static Optional<String> text(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
  }

  private static IllegalStateException refused(String reason) {
    return new IllegalStateException("Kontakt nelze ověřit: " + reason + ". Zrušte volbu „Ověřit kontakt a založit"
        + " účet na extranetu“, nebo údaje opravte.");
  }
}
