package cz.intouch.support.customer;

import java.util.List;

/**
 * What an import did: {@code imported} rows created a contact, {@code updated} rows changed a stored company or
 * contact, rows equal to what is stored count in neither; {@code rejected} rows changed nothing.
 */
public record ImportResult(int imported, int updated, List<Rejection> rejected) {

  /** {@code line} is the physical line of the file where the row starts, the header being line 1. */
  public record Rejection(long line, String reason) {}
}
