package cz.intouch.support.customer;

/**
 * A registered contact person of a company; e-mail (lower case) and phone may be null. {@code addressVerifiedBy}
 * says who vouched for the contact and its address ({@link CustomerRegistry#VERIFIED_BY_IMPORT},
 * {@link CustomerRegistry#VERIFIED_BY_AGENT}), null for a person only learnt from a ticket.
 */
public record Contact(long id, long companyId, String fullName, String email, String phone, String addressVerifiedBy) {

  /** The company vouched for this contact's address: only then may it hold an extranet account. */
  public boolean vouched() {
    return addressVerifiedBy != null && email != null;
  }
}
