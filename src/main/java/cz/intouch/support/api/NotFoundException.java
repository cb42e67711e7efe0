package cz.intouch.support.api;

/** A requested thing (ticket, company, ...) does not exist; answered 404 by {@link ApiErrors}. Czech message. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
