package cz.intouch.support.sla;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The e-mail addresses of staff groups and users, as the SLA notices need them, kept for a minute: at 16:00
 * thousands of warnings and breaches fall due at once and would otherwise each ask the identity tables the same
 * question. A change of staff reaches the notices within that minute. A user without an address has none.
 */
@Component
class StaffAddresses {

  static final Duration KEPT_FOR = Duration.ofMinutes(1);

  private final IdentityService identity;
  private final Cache<String, Set<String>> groups = Caffeine.newBuilder().expireAfterWrite(KEPT_FOR).maximumSize(100)
      .build();
  private final Cache<String, Optional<String>> users = Caffeine.newBuilder().expireAfterWrite(KEPT_FOR)
      .maximumSize(1_000).build();

  StaffAddresses(IdentityService identity) {
    this.identity = identity;
  }

  /** The addresses of the group's members who have one, in a new set the caller may change. */
  Set<String> ofGroup(String group) {
    return new LinkedHashSet<>(groups.get(group, key -> {
      Set<String> emails = new LinkedHashSet<>();
      for (User user : identity.createUserQuery().memberOfGroup(key).list()) {
        addressOf(user).ifPresent(emails::add);
      }
      return Set.copyOf(emails);
    }));
  }

  Optional<String> ofUser(String userId) {
    return users.get(userId, key -> Optional.ofNullable(identity.createUserQuery().userId(key).singleResult())
        .flatMap(StaffAddresses::addressOf));
  }

  private static Optional<String> addressOf(User user) {
    return Optional.ofNullable(user.getEmail()).filter(email -> !email.isBlank());
  }
}
