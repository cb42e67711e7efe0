package cz.intouch.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AfterCommitTest {

  private final AtomicInteger counted = new AtomicInteger();
  private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(h2()));

  @Test
  void countsOnceTheTransactionCommits() {
    transaction.executeWithoutResult(status -> {
      AfterCommit.run(counted::incrementAndGet);
      assertThat(counted).as("not before the commit").hasValue(0);
    });
    assertThat(counted).hasValue(1);
  }

  @Test
  void aRolledBackTransactionCountsNothing() {
    transaction.executeWithoutResult(status -> {
      AfterCommit.run(counted::incrementAndGet);
      status.setRollbackOnly();
    });
    assertThat(counted).hasValue(0);
  }

  @Test
  void withoutATransactionItCountsAtOnce() {
    AfterCommit.run(counted::incrementAndGet);
    assertThat(counted).hasValue(1);
  }

  private static JdbcDataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:after-commit");
    return h2;
  }
}
