package cz.intouch.support.api;

import java.io.IOException;

/**
 * Thrown while a request body is being read, once it passes the limit. An {@link IOException}, so Spring's
 * message converters pass it on (wrapped) instead of mistaking it for bad content.
 */
public class RequestBodyTooLargeException extends IOException {

  private final long limit;

  public RequestBodyTooLargeException(long limit) {
    super("Request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long getLimit() {
    return limit;
  }
}
