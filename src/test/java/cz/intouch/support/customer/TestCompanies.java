package cz.intouch.support.customer;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh valid IČOs for tests sharing one application context (and database) with the demo customers. */
final class TestCompanies {

  private static final AtomicInteger NEXT = new AtomicInteger(7_000_000);

  private TestCompanies() {}

  static String nextIco() {
    String firstSeven = String.valueOf(NEXT.incrementAndGet());
    return firstSeven + Ico.checkDigit(firstSeven);
  }
}
