package cz.intouch.support.intake;

/** How a request reached the desk (contract values of the {@code channel} variable). */
public enum Channel {
  EMAIL, PHONE, WEB
}
