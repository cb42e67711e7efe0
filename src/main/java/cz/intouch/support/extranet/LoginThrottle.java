package cz.intouch.support.extranet;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed extranet logins per client address within the lock-out window. The per-account lock-out stops guessing one
 * customer's password; this stops one client from trying many accounts (or unknown names, which have no account to
 * lock). In memory: a restart forgets, and each node of a cluster counts on its own.
 */
@Component
class LoginThrottle {

  private record Window(Instant start, int failures) {}

  private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final Duration window;

  LoginThrottle(@Value("${support.extranet.max-failed-logins-per-address:30}") int maxFailures,
      @Value("${support.extranet.lockout:PT15M}") Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
  }

  boolean blocked(String address) {
    Window current = byAddress.get(address);
    return current != null && !expired(current) && current.failures() >= maxFailures;
  }

  void recordFailure(String address) {
    if (byAddress.size() > 100_000) {
      byAddress.values().removeIf(this::expired); // bounded memory under a distributed attack
    }
    byAddress.compute(address, (key, current) -> current == null || expired(current)
        ? new Window(ExtranetAccounts.now(), 1) : new Window(current.start(), current.failures() + 1));
  }

  private boolean expired(Window current) {
    return current.start().plus(window).isBefore(ExtranetAccounts.now());
  }
}
