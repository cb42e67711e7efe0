package cz.intouch.support.api;

/** Input the caller must fix; answered 400 by {@link ApiErrors}. The message is Czech and shown as is. */
public class BadRequestException extends RuntimeException {

  private final String field;

  /** @param field the offending field or column, or null when the input as a whole is wrong */
  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
