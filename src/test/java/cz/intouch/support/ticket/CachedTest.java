package cz.intouch.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger queries = new AtomicInteger();

  @Test
  void scrapesWithinTheTimeToLiveShareOneQuery() {
    Cached<Integer> cached = new Cached<>(Duration.ofSeconds(5), queries::incrementAndGet, nanos::get);

    assertThat(cached.get()).isEqualTo(1);
    nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(cached.get()).isEqualTo(1);
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(cached.get()).isEqualTo(2);
    assertThat(queries).hasValue(2);
  }

  @Test
  void aFailedQueryIsNotKeptAndTheNextReadTriesAgain() {
    AtomicInteger calls = new AtomicInteger();
    Cached<Integer> cached = new Cached<>(Duration.ofSeconds(5), () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("database away");
      }
      return 42;
    }, nanos::get);

    assertThatThrownBy(cached::get).hasMessage("database away");
    assertThat(cached.get()).isEqualTo(42);
    assertThat(cached.get()).isEqualTo(42);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aZeroTimeToLiveAsksEveryTime() {
    Cached<Integer> cached = new Cached<>(Duration.ZERO, queries::incrementAndGet, nanos::get);

    assertThat(cached.get()).isEqualTo(1);
    assertThat(cached.get()).isEqualTo(2);
  }
}
