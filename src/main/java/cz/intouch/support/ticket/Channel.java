package cz.intouch.support.ticket;

/** How a request reached the desk (contract values of the {@code channel} variable). */
public enum Channel {
  EMAIL, PHONE, WEB
}
