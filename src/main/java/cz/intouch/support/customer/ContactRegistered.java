package cz.intouch.support.customer;

/**
 * Published (as a Spring application event) after the import committed a new contact, or one first learnt from a
 * ticket that the import now lists (vouches for). {@code email} may be null; {@code contractValid} tells whether the
 * company had a valid contract that day, i.e. gets extranet access.
 */
public record ContactRegistered(long contactId, long companyId, String email, boolean contractValid) {}
