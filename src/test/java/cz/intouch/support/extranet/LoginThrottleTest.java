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
 * The per-address limit of failed extranet logins is kept in the database: every node of a cluster (here: several
 * LoginThrottle instances over the application's DataSource) sees the others' failures, a restarted node forgets
 * none, and failures older than the lock-out window stop counting and are purged. Addresses are from the
 * documentation ranges, so the HTTP tests' 127.0.0.1 is never blocked by these.
 */
@SupportDeskTest
class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);

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

    nodeA.recordFailure(address);
    nodeB.recordFailure(address);
    assertThat(nodeA.blocked(address)).isFalse();
    assertThat(nodeB.blocked(address)).isFalse();

    nodeA.recordFailure(address);
    assertThat(nodeA.blocked(address)).as("node A, two of the three failures its own").isTrue();
    assertThat(nodeB.blocked(address)).as("node B, one of the three failures its own").isTrue();
    assertThat(node(3).blocked(address)).as("a node started afterwards").isTrue();
    assertThat(nodeB.blocked("192.0.2.11")).as("another address").isFalse();
  }

  @Test
  void theApplicationsThrottleCountsInTheSharedTable() {
    String address = "2001:db8::1:42";
    assertThat(node(1).blocked(address)).isFalse();
    applicationThrottle.recordFailure(address);
    assertThat(node(1).blocked(address)).as("seen by another node").isTrue();
    assertThat(applicationThrottle.blocked(address)).as("one failure is far below the configured 30").isFalse();
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCountAndArePurged() {
    LoginThrottle node = node(3);
    String address = "192.0.2.20";
    node.recordFailure(address);
    node.recordFailure(address);
    moveClock(Duration.ofMinutes(10));
    node.recordFailure(address);
    assertThat(node.blocked(address)).isTrue();

    moveClock(Duration.ofMinutes(16));
    assertThat(node(3).blocked(address)).as("two of the three failures are older than the window").isFalse();
    node.recordFailure(address);
    assertThat(failuresOf(address)).as("the address's old failures purged when it fails again").isEqualTo(2);
    assertThat(node.blocked(address)).isFalse();
    node.recordFailure(address);
    assertThat(node.blocked(address)).isTrue();

    moveClock(Duration.ofMinutes(16 + 16));
    assertThat(node.blocked(address)).isFalse();
  }

  @Test
  void aNodesFirstFailureAfterItsStartPurgesOtherAddressesOldFailuresToo() {
    LoginThrottle before = node(3);
    before.recordFailure("192.0.2.30");
    before.recordFailure("192.0.2.31");
    assertThat(failuresOf("192.0.2.30")).isEqualTo(1);

    moveClock(WINDOW.plusMinutes(1));
    node(3).recordFailure("192.0.2.32");

    assertThat(failuresOf("192.0.2.30")).isZero();
    assertThat(failuresOf("192.0.2.31")).isZero();
    assertThat(failuresOf("192.0.2.32")).isEqualTo(1);
  }

  @Test
  void longAddressesAreCutToTheColumnTheSameWayWhenRecordedAndWhenChecked() {
    String address = "fe80::1234:5678:9abc:def0%" + "a-very-long-network-interface-name-".repeat(3);
    assertThat(address.length()).isGreaterThan(LoginThrottle.MAX_ADDRESS_LENGTH);
    LoginThrottle node = node(1);
    node.recordFailure(address);
    assertThat(node.blocked(address)).isTrue();
    assertThat(failuresOf(address.substring(0, LoginThrottle.MAX_ADDRESS_LENGTH))).isEqualTo(1);
  }

  private LoginThrottle node(int maxFailures) {
    return new LoginThrottle(jdbc, maxFailures, WINDOW);
  }

  private void moveClock(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(start.plus(sinceStart)));
  }

  private int failuresOf(String address) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_extranet_login_failure WHERE address = ?", Integer.class,
        address);
  }
}
