package cz.intouch.support.extranet;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The limits of failed extranet logins (per client address, per name from one address) are kept in the database:
 * every node of a cluster (here: several LoginThrottle instances over the application's DataSource) sees the others'
 * failures, a restarted node forgets none, and failures older than the lock-out window stop counting and are purged.
 * Addresses are from the documentation range 192.0.2.0/24, which the HTTP tests do not use.
 */
@SupportDeskTest
class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final String NAME = "nekdo@example.cz";
  private static final String OTHER_NAME = "nekdo.jiny@example.cz";

  @Autowired JdbcTemplate jdbc;
  @Autowired LoginThrottle applicationThrottle;

  private Instant start;

  @BeforeEach
  void fixClock() {
    start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void nodesSharingTheDatabaseCountEachOthersFailuresAndARestartForgetsNone() {
    LoginThrottle nodeA = node(3);
    LoginThrottle nodeB = node(3);
    String address = "192.0.2.10";

    nodeA.recordFailure(address, NAME);
    nodeB.recordFailure(address, NAME);
    assertThat(nodeA.blocked(address, OTHER_NAME)).isFalse();
    assertThat(nodeB.blocked(address, OTHER_NAME)).isFalse();

    nodeA.recordFailure(address, NAME);
    assertThat(nodeA.blocked(address, OTHER_NAME)).as("node A, two of the three failures its own").isTrue();
    assertThat(nodeB.blocked(address, OTHER_NAME)).as("node B, one of the three failures its own").isTrue();
    assertThat(node(3).blocked(address, OTHER_NAME)).as("a node started afterwards").isTrue();
    assertThat(nodeB.blocked("192.0.2.11", OTHER_NAME)).as("another address").isFalse();
  }

  @Test
  void theApplicationsThrottleCountsInTheSharedTable() {
    String address = "2001:db8::1:42";
    assertThat(node(1).blocked(address, OTHER_NAME)).isFalse();
    applicationThrottle.recordFailure(address, NAME);
    assertThat(node(1).blocked(address, OTHER_NAME)).as("seen by another node").isTrue();
    assertThat(applicationThrottle.blocked(address, OTHER_NAME)).as("one failure is far below the configured 30").isFalse();
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCountAndArePurged() {
    LoginThrottle node = node(3);
    String address = "192.0.2.20";
    node.recordFailure(address, NAME);
    node.recordFailure(address, NAME);
    moveClock(Duration.ofMinutes(10));
    node.recordFailure(address, NAME);
    assertThat(node.blocked(address, OTHER_NAME)).isTrue();

    moveClock(Duration.ofMinutes(16));
    assertThat(node(3).blocked(address, OTHER_NAME)).as("two of the three failures are older than the window").isFalse();
    node.recordFailure(address, NAME);
    assertThat(failuresOf(address)).as("the address's old failures purged when it fails again").isEqualTo(2);
    assertThat(node.blocked(address, OTHER_NAME)).isFalse();
    node.recordFailure(address, NAME);
    assertThat(node.blocked(address, OTHER_NAME)).isTrue();

    moveClock(Duration.ofMinutes(16 + 16));
    assertThat(node.blocked(address, OTHER_NAME)).isFalse();
  }

  @Test
  void aNodesFirstFailureAfterItsStartPurgesOtherAddressesOldFailuresToo() {
    LoginThrottle before = node(3);
    before.recordFailure("192.0.2.30", NAME);
    before.recordFailure("192.0.2.31", NAME);
    assertThat(failuresOf("192.0.2.30")).isEqualTo(1);

    moveClock(WINDOW.plusMinutes(1));
    node(3).recordFailure("192.0.2.32", NAME);

    assertThat(failuresOf("192.0.2.30")).isZero();
    assertThat(failuresOf("192.0.2.31")).isZero();
    assertThat(failuresOf("192.0.2.32")).isEqualTo(1);
  }

  @Test
  void guessingOneNameFromOneAddressBlocksOnlyThatNameFromThatAddress() {
    LoginThrottle node = new LoginThrottle(jdbc, new ExtranetSettings(Duration.ofHours(72), 3, WINDOW, 30));
    String attacker = "192.0.2.40";
    for (int guess = 0; guess < 3; guess++) {
      node.recordFailure(attacker, "Jana.Mala@example.cz ");
    }

    assertThat(node.blocked(attacker, "jana.mala@example.cz")).as("the name, in any case").isTrue();
    assertThat(node.blocked("192.0.2.41", "jana.mala@example.cz")).as("the owner from elsewhere").isFalse();
    assertThat(node.blocked(attacker, "petr.velky@example.cz")).as("another name, below the address limit").isFalse();
    assertThat(jdbc.queryForList("SELECT username_hash FROM sd_extranet_login_failure WHERE address = ?", String.class,
        attacker)).as("no typed names kept, only their hashes").hasSize(3).allMatch(hash -> hash.matches("[0-9a-f]{64}"));

    moveClock(WINDOW.plusMinutes(1));
    assertThat(node.blocked(attacker, "jana.mala@example.cz")).isFalse();
  }

  @Test
  void theRightPasswordEndsARunOfWrongOnesForThatNameFromThatAddress() {
    LoginThrottle node = new LoginThrottle(jdbc, new ExtranetSettings(Duration.ofHours(72), 3, WINDOW, 30));
    String address = "192.0.2.50";
    node.recordFailure(address, "ivo@example.cz");
    node.recordFailure(address, "ivo@example.cz");
    node.recordSuccess(address, "ivo@example.cz");
    node.recordFailure(address, "ivo@example.cz");
    node.recordFailure(address, "ivo@example.cz");
    assertThat(node.blocked(address, "ivo@example.cz")).isFalse();
  }

  @Test
  void longAddressesAreCutToTheColumnTheSameWayWhenRecordedAndWhenChecked() {
    String address = "fe80::1234:5678:9abc:def0%" + "a-very-long-network-interface-name-".repeat(3);
    assertThat(address.length()).isGreaterThan(LoginThrottle.MAX_ADDRESS_LENGTH);
    LoginThrottle node = node(1);
    node.recordFailure(address, NAME);
    assertThat(node.blocked(address, OTHER_NAME)).isTrue();
    assertThat(failuresOf(address.substring(0, LoginThrottle.MAX_ADDRESS_LENGTH))).isEqualTo(1);
  }

  /** A node with a per-address limit of {@code maxFailures} and a per-name limit that never bites here. */
  private LoginThrottle node(int maxFailures) {
    return new LoginThrottle(jdbc, new ExtranetSettings(Duration.ofHours(72), 1000, WINDOW, maxFailures));
  }

  private void moveClock(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(start.plus(sinceStart)));
  }

  private int failuresOf(String address) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_extranet_login_failure WHERE address = ?", Integer.class,
        address);
  }
}
