package cz.intouch.support.ticket;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value computed at most once per time to live, so that operators' gauges, however often they are scraped, cost
 * one query per interval. Measured on the monotonic clock: moving the engine clock in a test does not age it. A
 * failed computation is not kept: the next read tries again.
 */
public final class Cached<T> implements Supplier<T> {

  private final long ttlNanos;
  private final Supplier<T> compute;
  private final LongSupplier nanoTime;
  private T value;
  private long computedAt;
  private boolean computed;

  Cached(Duration ttl, Supplier<T> compute, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.compute = Objects.requireNonNull(compute, "compute");
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized T get() {
    long now = nanoTime.getAsLong();
    if (!computed || now - computedAt >= ttlNanos) {
      value = compute.get();
      computedAt = now;
      computed = true;
    }
    return value;
  }
}
