package cz.intouch.support.customer;

import java.time.LocalDate;

/** A customer company. {@code contractValidUntil} is the last day of support (inclusive), null if none. */
public record Company(long id, String ico, String name, LocalDate contractValidUntil, String emailDomain) {}
