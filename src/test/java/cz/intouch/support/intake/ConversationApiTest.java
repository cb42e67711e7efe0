package cz.intouch.support.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.mail.MessageKind;
import cz.intouch.support.mail.OutboundMail;
import cz.intouch.support.ticket.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The conversation tab's API over real HTTP: a real mail with attachments through the GreenMail support mailbox, the
 * desk's acknowledgement, an agent's answer and the customer's reply, in order and marked by author; the attachments
 * download with their type, a safe file name and no sniffing, to staff only.
 */
@SupportDeskTest
class ConversationApiTest {

  private static final String NOVAK = "jan.novak@strojirny-horice.cz";

  @LocalServerPort int port;
  @Autowired MailboxPoller poller;
  @Autowired MailSettings settings;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired ManagementService management;
  @Autowired OutboundMail outbound;
  @Autowired TicketIntake intake;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private SupportMailbox mailbox;

  @BeforeEach
  void setUp() throws Exception {
    mailServer.greenMail().purgeEmailFromAllMailboxes();
    mailbox = new SupportMailbox(settings, mailServer);
  }

  @Test
  void theWholeExchangeInOrderMarkedByAuthorWithTheCustomersAttachments() throws Exception {
    String ticket = ticketFromMailWithAttachments();
    outbound.send(MessageKind.AGENT_REPLY, ticket, NOVAK,
        Map.of("agentMessage", "Děkujeme za log, chybu v importu opravujeme."), null);
    mailbox.deliver(SupportMailbox.corpus("reply-with-ticket-tag.eml", Map.of("TICKET", ticket)),
        Instant.now().plusSeconds(2));
    poller.pollOnce();

    HttpResponse<String> response = get("/api/tickets/" + ticket + "/conversation", "agent");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode conversation = json.readTree(response.body());
    List<JsonNode> messages = StreamSupport.stream(conversation.get("messages").spliterator(), false).toList();
    assertThat(messages).extracting(m -> m.get("author").asText())
        .containsExactly("CUSTOMER", "AUTOMATIC", "AGENT", "CUSTOMER");
    assertThat(messages).extracting(m -> m.get("authorLabel").asText())
        .containsExactly("Zákazník", "Automatická zpráva", "Pracovník podpory", "Zákazník");
    assertThat(messages.get(0).get("body").asText()).contains("import zákazníků ve verzi 5.3.2");
    assertThat(messages.get(2).get("body").asText()).contains("Děkujeme za log");
    assertThat(messages.get(3).get("body").asText()).contains("Posílám ještě snímek obrazovky");
    assertThat(messages).extracting(m -> m.get("at").asText()).isSorted();
    JsonNode attachments = messages.get(0).get("attachments");
    assertThat(attachments).extracting(a -> a.get("fileName").asText(), a -> a.get("size").asInt(),
        a -> a.get("contentType").asText()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("výpis chyby.log", 44, "text/plain"),
        org.assertj.core.groups.Tuple.tuple("data.bin", 2048, "application/octet-stream"));
    assertThat(messages.subList(1, 4)).allSatisfy(m -> assertThat(m.get("attachments")).isEmpty());
    assertThat(conversation.get("otherAttachments")).isEmpty();
    assertThat(conversation.get("cockpitUrl").isNull()).as("agents do not work in Cockpit").isTrue();
    assertThat(json.readTree(get("/api/tickets/" + ticket + "/conversation", "manager").body())
        .get("cockpitUrl").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/");
  }

  @Test
  void anAttachmentDownloadsWithItsTypeASafeNameAndNoSniffing() throws Exception {
    String ticket = ticketFromMailWithAttachments();
    JsonNode attachments = json.readTree(get("/api/tickets/" + ticket + "/conversation", "specialist").body())
        .get("messages").get(0).get("attachments");

    HttpResponse<byte[]> log = download(attachments.get(0).get("url").asText(), "specialist");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(log.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"vypis chyby.log\"; filename*=UTF-8''v%C3%BDpis%20chyby.log");
    assertThat(log.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(log.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(log.body()).isEqualTo(Base64.getDecoder()
        .decode("RVJST1IgaW1wb3J0OiDFmcOhZGVrIDEyIOKAkyBuZXBsYXRuw6kgScSMTwo="));
    assertThat(new String(log.body(), StandardCharsets.UTF_8)).contains("řádek 12");

    HttpResponse<byte[]> data = download(attachments.get(1).get("url").asText(), "admin");
    assertThat(data.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(data.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"data.bin\"; filename*=UTF-8''data.bin");
    assertThat(data.body()).hasSize(2048).containsExactly(IntStream.range(0, 2048).map(i -> (byte) i)
        .collect(java.io.ByteArrayOutputStream::new, java.io.ByteArrayOutputStream::write, (a, b) -> { })
        .toByteArray());

    // an attachment belongs to its ticket: asked for under another ticket's number it does not exist
    String other = intake.open(new TicketIntake.NewRequest(Channel.WEB, Instant.now(), "Jiný", "Jiný tiket.",
        "28166345", null, "Jan Novák", NOVAK, "5.3.2", null, false, null));
    HttpResponse<byte[]> foreign = download(attachments.get(0).get("url").asText().replace(ticket, other), "agent");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(get("/api/tickets/TS-2026-999999/conversation", "agent").statusCode()).isEqualTo(404);

    // nobody anonymous
    assertThat(download(attachments.get(0).get("url").asText(), null).statusCode()).isEqualTo(401);
    assertThat(get("/api/tickets/" + ticket + "/conversation", null).statusCode()).isEqualTo(401);
  }

  @Test
  void activeContentIsServedAsBytesAndFileNamesLoseTheirPaths() {
    assertThat(ConversationController.servedType("text/html")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(ConversationController.servedType("image/svg+xml")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(ConversationController.servedType("application/javascript"))
        .isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(ConversationController.servedType("nonsense")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(ConversationController.servedType("image/png")).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(ConversationController.servedType("application/pdf; name=\"a.pdf\""))
        .isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(ConversationController.safeFileName("..\\..\\Windows\\win.ini", 7)).isEqualTo("win.ini");
    assertThat(ConversationController.safeFileName("../.bashrc", 7)).isEqualTo("bashrc");
    assertThat(ConversationController.safeFileName("a\r\nb\"c.txt", 7)).isEqualTo("a__b_c.txt");
    assertThat(ConversationController.safeFileName(null, 7)).isEqualTo("priloha-7");
  }

  /** alternative-with-attachment.eml through the support mailbox, acknowledged by the desk. */
  private String ticketFromMailWithAttachments() throws Exception {
    long mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
    mailbox.deliver(SupportMailbox.corpus("alternative-with-attachment.eml", Map.of()),
        Instant.now().minusSeconds(600));
    poller.pollOnce();
    String ticket = jdbc.queryForObject("SELECT ticket_number FROM sd_mail_intake WHERE id > ? AND outcome = "
        + "'TICKET_OPENED'", String.class, mark);
    EngineTestSupport.runAsyncSteps(management);
    return ticket;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    return http.send(request(path, user), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }
}
