package cz.intouch.support.extranet;

import static cz.intouch.support.extranet.ExtranetTestSupport.csvRow;
import static cz.intouch.support.extranet.ExtranetTestSupport.newIco;
import static cz.intouch.support.extranet.ExtranetTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.intake.TicketIntake;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.ticket.Channel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A customer logged in to the extranet holds a session, but never one the staff's conversation API accepts. */
@SupportDeskTest
class ExtranetStaffApiTest {

  private static final String PASSWORD = "Heslo-zakaznika-77";

  @LocalServerPort int port;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired TicketIntake intake;

  @Test
  void aCustomersExtranetSessionReachesNeitherConversationsNorAttachments() throws Exception {
    String ico = newIco();
    String email = "karel.zakaznik@" + ico + ".cz";
    ExtranetClient customer = new ExtranetClient(port);
    assertThat(customer.importCustomers(csvRow(ico, "Zákaznická s.r.o.", "2099-12-31", "Karel Zákazník", email))
        .statusCode()).isEqualTo(200);
    String link = "/extranet/set-password?token=" + token(mailServer.greenMail(), email);
    customer.submit(link, "/extranet/set-password", Map.of("token", link.substring(link.indexOf('=') + 1),
        "password", PASSWORD, "passwordAgain", PASSWORD));
    assertThat(customer.login(email, PASSWORD).headers().firstValue("Location").orElseThrow())
        .endsWith("/extranet/releases");
    String own = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Vlastní", "Náš tiket.", ico,
        null, "Karel Zákazník", email, "5.3.2", null, false, null));
    String foreign = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Cizí", "Cizí tiket.",
        "28166345", null, "Jan Novák", "jan.novak@strojirny-horice.cz", "5.3.2", null, false, null));
    assertThat(customer.get("/extranet/tickets").statusCode()).as("logged in").isEqualTo(200);

    for (String ticket : new String[] {own, foreign}) {
      assertThat(customer.get("/api/tickets/" + ticket + "/conversation").statusCode()).as(ticket).isEqualTo(401);
      assertThat(customer.get("/api/tickets/" + ticket + "/attachments/1").statusCode()).as(ticket).isEqualTo(401);
    }
  }
}
