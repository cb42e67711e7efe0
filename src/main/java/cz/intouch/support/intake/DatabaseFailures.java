package cz.intouch.support.intake;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells "the database cannot be reached" apart from a failure of one mail, whatever layer wrapped it. */
final class DatabaseFailures {

  private DatabaseFailures() {}

  static boolean unavailable(Throwable failure) {
    return cause(failure) != null;
  }

  /** The innermost connection failure, for a one-line log. */
  static String describe(Throwable failure) {
    Throwable cause = cause(failure);
    Throwable innermost = cause == null ? failure : cause;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    return innermost.toString();
  }

  private static Throwable cause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException // Hikari: no connection within connection-timeout
          || cause instanceof SQLNonTransientConnectionException
          // SQLSTATE class 08: connection exception (PostgreSQL's "An I/O error occurred", H2's "connection broken")
          || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return cause;
      }
    }
    return null;
  }
}
