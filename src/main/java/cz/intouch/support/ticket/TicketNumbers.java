package cz.intouch.support.ticket;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues ticket numbers ({@link TicketNumber}): year of receipt in Prague, six-digit sequence per year.
 * Each number is drawn in its own short transaction so the counter row is never locked for the length
 * of a whole intake; a rolled-back intake leaves a gap, never a duplicate.
 */
@Service
public class TicketNumbers {


  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(Instant receivedAt) {
    int year = receivedAt.atZone(DeskTime.ZONE).getYear();
    Integer number;
    try {
      number = ownTransaction.execute(status -> increment(year));
    } catch (DuplicateKeyException anotherNodeStartedTheYear) {
      // a failed INSERT spoils the transaction on PostgreSQL: start over, the row exists now
      number = ownTransaction.execute(status -> increment(year));
    }
    return format(year, number);
  }

  static String format(int year, int number) {
    return TicketNumber.of(year, number).value();
  }

  private int increment(int year) {
    if (jdbc.update("UPDATE sd_ticket_counter SET last_number = last_number + 1 WHERE counter_year = ?", year) == 0) {
      jdbc.update("INSERT INTO sd_ticket_counter (counter_year, last_number) VALUES (?, 1)", year);
      return 1;
    }
    return jdbc.queryForObject("SELECT last_number FROM sd_ticket_counter WHERE counter_year = ?", Integer.class, year);
  }
}
