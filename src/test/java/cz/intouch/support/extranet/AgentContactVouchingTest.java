package cz.intouch.support.extranet;

import static cz.intouch.support.extranet.ExtranetTestSupport.csvRow;
import static cz.intouch.support.extranet.ExtranetTestSupport.newIco;
import static cz.intouch.support.extranet.ExtranetTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.customer.Contact;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.TicketVariables;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent who has confirmed a ticket's new contact with the company ticks "Ověřit kontakt a založit účet na
 * extranetu" on "Zahájit řešení": the contact is vouched for and gets its set-password link.
 */
@SupportDeskTest
class AgentContactVouchingTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TicketIntake intake;
  @Autowired CustomerRegistry registry;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void aContactTheAgentConfirmedGetsItsExtranetLink() throws Exception {
    String ico = newIco();
    String email = "nova.kolegyne@" + ico + ".cz";
    Task task = initiateResolution(ico, "Hana Nováčková", email);

    tasks.complete(task.getId(), Map.of(TicketVariables.VOUCH_CONTACT, true));

    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();
    assertThat(registry.findContact(companyId, "Hana Nováčková")).hasValueSatisfying(contact -> {
      assertThat(contact.addressVerifiedBy()).isEqualTo(CustomerRegistry.VERIFIED_BY_AGENT);
      assertThat(contact.vouched()).isTrue();
    });
    String token = token(mailServer.greenMail(), email);
    assertThat(new ExtranetClient(port).get("/extranet/set-password?token=" + token).body())
        .doesNotContain("neplatný");
  }

  @Test
  void withoutTheTickTheContactStaysUnvouched() throws Exception {
    String ico = newIco();
    Task task = initiateResolution(ico, "Igor Neověřený", "igor@" + ico + ".cz");

    tasks.complete(task.getId(), Map.of(TicketVariables.VOUCH_CONTACT, false));

    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();
    assertThat(registry.findContact(companyId, "Igor Neověřený").map(Contact::vouched)).contains(false);
  }

  @Test
  void aContactWithoutAnAddressCannotBeVouchedAndTheTaskStaysOpenWithTheReason() throws Exception {
    String ico = newIco();
    Task task = initiateResolution(ico, "Ota Bezadresný", null);

    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(TicketVariables.VOUCH_CONTACT, true)))
        .hasMessageContaining("Kontakt nelze ověřit: tiket nemá e-mailovou adresu");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  /** A company with a valid contract; a phone ticket names a new person of it, with her address if given. */
  private Task initiateResolution(String ico, String person, String email) throws Exception {
    new ExtranetClient(port).importCustomers(csvRow(ico, "Ověřovaná firma s.r.o.", "2099-12-31", "Vlasta Vedoucí", ""));
    intake.open(new TicketIntake.NewRequest(Channel.PHONE, Instant.now(), "Dotaz na tisk",
        "Jak se tiskne faktura ve verzi 5.3.2?", ico, null, person, email, "5.3.2", null, false, null));
    EngineTestSupport.runAsyncSteps(management);
    long companyId = registry.findCompanyByIco(ico).orElseThrow().id();
    assertThat(registry.findContact(companyId, person).map(Contact::vouched)).as("learnt from the ticket").contains(false);
    return openTask(ico);
  }

  private Task openTask(String ico) {
    return tasks.createTaskQuery().taskDefinitionKey("UserTask_InitiateResolution")
        .processVariableValueEquals("companyId", ico).singleResult();
  }
}
