package cz.intouch.support.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes what the desk committed so far survive a crash of its process, called right before the desk hands a mail
 * over to another system it cannot take back from (expunging it from the INBOX, giving it to SMTP).
 *
 * <p>PostgreSQL's commit is durable already: nothing to do. H2, the default run's file database, has no redo log:
 * it writes committed changes to its file in the background every WRITE_DELAY (500 ms), so a {@code kill -9} in
 * that window silently undoes them (WRITE_DELAY=0 is worse: nothing is written until the database closes). Found by
 * CrashSafetyTest: mails were moved out of the INBOX and their tickets lost. {@code CHECKPOINT SYNC} writes and
 * syncs them first; it commits the connection it runs on, so it runs on its own connection, never a caller's.
 */
@Component
public class CommitDurability {

  private final DataSource dataSource;
  private volatile Boolean needsCheckpoint;

  CommitDurability(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Returns when every transaction committed before the call would survive the process being killed. */
  public void await() {
    try (Connection connection = dataSource.getConnection()) {
      if (needsCheckpoint == null) {
        String url = connection.getMetaData().getURL();
        needsCheckpoint = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
      }
      if (needsCheckpoint) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT SYNC");
        }
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot make the last commits durable", e);
    }
  }
}
