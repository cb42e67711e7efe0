package cz.intouch.support.customer;

/** A company's support contract became valid (new, renewed or extended from an expired date); after commit. */
public record ContractActivated(long companyId) {}
