package cz.intouch.support.release;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.release.ReleaseRegister.Publication;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a release: the register marks it published and moves the unfixed tickets on, and every ticket fixed
 * in it gets the {@code releasePublished} message (the support model then mails the customer and closes it).
 */
@Service
public class ReleasePublication {

  private static final Logger log = LoggerFactory.getLogger(ReleasePublication.class);

  private final ReleaseRegister register;
  private final RuntimeService runtime;

  public ReleasePublication(ReleaseRegister register, RuntimeService runtime) {
    this.register = register;
    this.runtime = runtime;
  }

  @Transactional
  public Publication publish(ProgramVersion version) {
    Publication publication = register.publish(version);
    for (String ticketNumber : publication.fixedTickets()) {
      // correlateAll: a ticket closed meanwhile (e.g. cancelled in Cockpit) simply has no subscription left
      runtime.createMessageCorrelation(RELEASE_PUBLISHED).processInstanceBusinessKey(ticketNumber)
          .setVariable(RELEASE_VERSION, version.toString()).correlateAll();
    }
    String movedTo = publication.movedTo() == null ? null : publication.movedTo().version().toString();
    for (String ticketNumber : publication.movedTickets()) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).active().list()
          .forEach(instance -> runtime.setVariable(instance.getId(), PLANNED_RELEASE, movedTo));
    }
    log.info("Release {} published: {} tickets fixed, {} moved to {}", version, publication.fixedTickets().size(),
        publication.movedTickets().size(), movedTo == null ? "no planned release" : movedTo);
    return publication;
  }
}
