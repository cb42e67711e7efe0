package cz.intouch.support.customer;

/** A registered contact person of a company; e-mail (lower case) and phone may be null. */
public record Contact(long id, long companyId, String fullName, String email, String phone) {}
