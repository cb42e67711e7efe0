package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** While the mailbox or the database is away the poller waits longer each time, up to a limit. */
class PollBackOffTest {

  @Test
  void thePauseDoublesFromThePollIntervalUpToTheLimitAndResetsAfterAGoodPoll() {
    PollBackOff backOff = new PollBackOff(Duration.ofSeconds(2), Duration.ofSeconds(30));
    Exception down = new IllegalStateException("IMAP down");

    assertThat(backOff.failed(down)).hasSeconds(2);
    assertThat(backOff.failed(down)).hasSeconds(4);
    assertThat(backOff.failed(down)).hasSeconds(8);
    assertThat(backOff.failed(down)).hasSeconds(16);
    assertThat(backOff.failed(down)).hasSeconds(30);
    assertThat(backOff.failed(down)).hasSeconds(30);
    backOff.succeeded();
    assertThat(backOff.failed(down)).hasSeconds(2);
  }

  @Test
  void aDatabaseThatCannotBeReachedIsToldApartFromAFailureOfOneMail() {
    assertThat(DatabaseFailures.unavailable(new ProcessEngineException("wrapped",
        new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timeout")))))
        .isTrue();
    assertThat(DatabaseFailures.unavailable(new CannotCreateTransactionException("no connection"))).isTrue();
    assertThat(DatabaseFailures.unavailable(new ProcessEngineException("flush",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();

    assertThat(DatabaseFailures.unavailable(new DuplicateKeyException("same mail key"))).isFalse();
    assertThat(DatabaseFailures.unavailable(new SQLException("value too long", "22001"))).isFalse();
    assertThat(DatabaseFailures.unavailable(new IllegalArgumentException("Not an e-mail address"))).isFalse();
  }
}
