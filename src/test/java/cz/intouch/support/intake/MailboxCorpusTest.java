package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.EngineTestSupport;
import cz.intouch.support.SupportDeskTest;
import cz.intouch.support.customer.CustomerImport;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.Texts;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.triage.TriageService;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The desk reading a realistic mailbox end to end, measured against a human's labels. For each batch under
 * {@code src/test/resources/mailbox-corpus/} (whole .eml files, {@code labels.csv}, {@code customers.csv}): the
 * batch's customers are imported with the real CSV import, every mail is APPENDed to the real support INBOX over
 * IMAP with its Date as INTERNALDATE (in file order, the engine clock at that moment), polled, and the due
 * asynchronous steps run. Then each mail is compared with its labels:
 *
 * <ul>
 *   <li>{@code kind}: NEW_REQUEST opened a ticket; REPLY was added to the ticket of the corpus mail it answers;
 *       AUTO_REPLY and BOUNCE opened none; SPAM waits in the quarantine with reason SPAM; and nothing was mailed
 *       to the sender of SPAM, AUTO_REPLY or BOUNCE;</li>
 *   <li>identification ({@code identified}, {@code companyId}, {@code contactName}, {@code programVersion},
 *       {@code programBuild}) as the ticket holds it after the whole batch, or, while the ticket waits in
 *       {@code customerIdentification}, as that process holds it (what has been found so far);</li>
 *   <li>triage (scope, category, urgency, language): the ticket's variables where triage ran; where it did not
 *       (identification waits, contract refused) the same deployed decisions evaluated by {@link TriageService}
 *       on the same text the process would give them (first subject, the customer's bodies).</li>
 * </ul>
 *
 * <p>It prints per-field accuracy per batch and overall beside the goals, confusion tables and every miss,
 * and fails below {@link #FLOOR}: a regression guard just under what the code achieved when it was set, not the
 * goal. Batch d is a holdout: it is measured here like any batch, never tuned on.
 */
@SupportDeskTest
class MailboxCorpusTest {

  /**
   * Regression floor per field (fraction of the mails labelled for it), overall across the batches: set just under
   * what the code achieved (see mailbox-corpus/MEASUREMENTS.md; on 2026-12-03, stop 19, over nine batches: a, b, c,
   * e, f, g and i tuned on, the holdouts d and h measured blind) — not the goals.
   * Raise it when the figures improve.
   */
  private static final Map<String, Double> FLOOR = new LinkedHashMap<>();
  /** The goals, printed beside the figures. */
  private static final Map<String, String> GOAL = new LinkedHashMap<>();

  static {
    FLOOR.put("kind", 0.98);
    FLOOR.put("notAnswered", 0.97);
    FLOOR.put("identified", 0.96);
    FLOOR.put("companyId", 0.96);
    FLOOR.put("person", 0.95);
    FLOOR.put("version", 0.97);
    FLOOR.put("build", 0.97);
    FLOOR.put("scope+category", 0.98);
    FLOOR.put("urgency", 0.91);
    FLOOR.put("scope+category+urgency", 0.92);
    FLOOR.put("language", 0.98);
    GOAL.put("kind", "100 %");
    GOAL.put("notAnswered", "100 %");
    GOAL.put("identified", ">= 97 %");
    GOAL.put("companyId", ">= 97 %");
    GOAL.put("person", ">= 97 %");
    GOAL.put("version", ">= 97 %");
    GOAL.put("scope+category+urgency", ">= 95 %");
  }

  private static final String CORPUS = "src/test/resources/mailbox-corpus";

  @Autowired MailboxPoller poller;
  @Autowired MailSettings settings;
  @Autowired EmbeddedMailServer mailServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired CustomerImport customerImport;
  @Autowired TicketMessages messages;
  @Autowired TriageService triage;

  /** field → [right, labelled] per batch, and overall under "all". */
  private final Map<String, Map<String, int[]>> score = new TreeMap<>();
  private final List<String> misses = new ArrayList<>();
  private final Map<String, Map<String, Integer>> urgencyConfusion = new TreeMap<>();
  private final Map<String, Map<String, Integer>> scopeConfusion = new TreeMap<>();
  private int inScopeLabelled;
  /** Where the triage figures came from: the ticket's own variables, or TriageService on the same text. */
  private int triageFromTicket;
  private int triageFromService;
  private int inScopeProposedForRefusal;

  @AfterEach
  void resetClock() {
    poller.afterCommit(null);
    ClockUtil.reset();
  }

  @Test
  void theDeskReadsTheMailboxCorpusAsTheLabelsSay() throws Exception {
    List<Path> batches;
    try (Stream<Path> dirs = Files.list(Path.of(CORPUS))) {
      // -Dcorpus.batches=batch-f measures one new batch alone (the floors then hold for it alone)
      String only = System.getProperty("corpus.batches", ".*");
      batches = dirs.filter(Files::isDirectory).filter(dir -> Files.exists(dir.resolve("labels.csv")))
          .filter(dir -> dir.getFileName().toString().matches(only)).sorted().toList();
    }
    assertThat(batches).as("batches under " + CORPUS).isNotEmpty();
    long started = System.nanoTime();
    for (Path batch : batches) {
      measure(batch);
    }
    report();
    System.out.printf("corpus measured in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    Map<String, int[]> overall = score.getOrDefault("all", Map.of());
    FLOOR.forEach((field, floor) -> {
      int[] counts = overall.getOrDefault(field, new int[2]);
      if (counts[1] > 0) {
        assertThat((double) counts[0] / counts[1]).as("overall accuracy of " + field + " (regression floor)")
            .isGreaterThanOrEqualTo(floor);
      }
    });
  }

  private record Mail(String file, byte[] raw, MimeMessage parsed, Instant date, Map<String, String> label) {}

  private void measure(Path batch) throws Exception {
    String name = batch.getFileName().toString();
    customerImport.importCsv(Files.readString(batch.resolve("customers.csv"), StandardCharsets.UTF_8));
    List<Mail> mails = new ArrayList<>();
    List<String> lines = Files.readAllLines(batch.resolve("labels.csv"), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    Session session = Session.getInstance(new Properties());
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", header.length);
      Map<String, String> label = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        label.put(header[i], i < cells.length ? cells[i].strip() : "");
      }
      byte[] raw = Files.readAllBytes(batch.resolve(label.get("file")));
      MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(raw));
      Date sent = parsed.getSentDate();
      mails.add(new Mail(label.get("file"), raw, parsed, sent == null ? Instant.parse("2026-10-01T08:00:00Z")
          : sent.toInstant(), label));
    }

    SupportMailbox mailbox = new SupportMailbox(settings, mailServer);
    Map<String, Map<String, Object>> intakeByFile = new HashMap<>();
    Map<String, Integer> answeredByFile = new HashMap<>();
    Map<String, String> fileByMessageId = new HashMap<>();
    Map<String, Map<String, Object>> factsByFile = new HashMap<>();
    Map<String, List<TicketMessage>> incomingByFile = new HashMap<>();
    for (Mail mail : mails) {
      String messageId = mail.parsed().getMessageID();
      if (messageId != null) {
        fileByMessageId.put(messageId.strip(), mail.file());
      }
      ClockUtil.setCurrentTime(Date.from(mail.date().plusSeconds(30)));
      long mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_mail_intake", Long.class);
      List<String> senders = senders(mail.parsed());
      long sentMark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sd_ticket_message", Long.class);
      mailbox.deliver(mail.raw(), mail.date());
      poller.pollOnce();
      EngineTestSupport.runAsyncSteps(management);
      List<Map<String, Object>> rows = jdbc.queryForList(
          "SELECT i.outcome, i.note, i.ticket_number, q.reason FROM sd_mail_intake i "
              + "LEFT JOIN sd_mail_quarantine q ON q.intake_id = i.id WHERE i.id > ? ORDER BY i.id", mark);
      Map<String, Object> intake = rows.isEmpty() ? Map.of() : lowerKeys(rows.get(0));
      intakeByFile.put(mail.file(), intake);
      answeredByFile.put(mail.file(), mailsFromDeskTo(senders, sentMark));
      // the labels describe the ticket as it stands right after this mail
      String ticket = (String) intake.get("ticket_number");
      if (ticket != null) {
        factsByFile.put(mail.file(), ticketFacts(ticket));
        incomingByFile.put(mail.file(), messages.fromCustomer(ticket));
      }
    }

    for (Mail mail : mails) {
      Map<String, String> label = mail.label();
      String kind = label.get("kind");
      Map<String, Object> intake = intakeByFile.get(mail.file());
      String outcome = (String) intake.get("outcome");
      String ticket = (String) intake.get("ticket_number");
      String gotKind = switch (outcome == null ? "" : outcome) {
        case "TICKET_OPENED" -> "NEW_REQUEST";
        case "REPLY_ADDED" -> "REPLY";
        case "QUARANTINED" -> String.valueOf(intake.get("reason")).startsWith("SPAM") ? "SPAM"
            : "QUARANTINED " + intake.get("reason");
        case "IGNORED", "BOUNCE_ATTACHED" -> kind.equals("AUTO_REPLY") || kind.equals("BOUNCE") ? kind
            : "NO_TICKET " + intake.get("note");
        default -> "NOTHING " + outcome;
      };
      if (kind.equals("REPLY") && gotKind.equals("REPLY")) {
        String answered = repliedTicket(mail, fileByMessageId, intakeByFile);
        if (answered == null || !answered.equals(ticket)) {
          gotKind = "REPLY to " + ticket + " instead of " + answered;
        }
      }
      count(name, mail.file(), "kind", kind, gotKind);
      if (Stream.of("SPAM", "AUTO_REPLY", "BOUNCE").anyMatch(kind::equals)) {
        int answered = answeredByFile.get(mail.file());
        count(name, mail.file(), "notAnswered", "0 mails", answered + " mails");
        continue;
      }
      if (ticket == null) {
        continue; // nothing to read its fields from: counted as misses below
      }
      Map<String, Object> facts = factsByFile.get(mail.file());
      count(name, mail.file(), "identified", label.get("identified"), String.valueOf(facts.get(IDENTIFIED)));
      count(name, mail.file(), "companyId", label.get("company_id"), str(facts.get(COMPANY_ID)));
      count(name, mail.file(), "person", label.get("person"), str(facts.get(CONTACT_NAME)));
      count(name, mail.file(), "version", label.get("version"), str(facts.get(PROGRAM_VERSION)));
      count(name, mail.file(), "build", label.get("build"), str(facts.get("programBuild")));
      if (label.get("scope").isEmpty()) {
        continue;
      }
      String scope;
      String category;
      String urgency;
      String language;
      if (facts.get(SCOPE) != null && !kind.equals("REPLY")) {
        scope = str(facts.get(SCOPE));
        category = str(facts.get(OUT_OF_SCOPE_CATEGORY));
        urgency = str(facts.get(URGENCY));
        language = str(facts.get(LANGUAGE));
        triageFromTicket++;
      } else {
        triageFromService++;
        // triage has not run on this ticket (or the labels are of the reply's own text): the same decisions
        List<TicketMessage> incoming = incomingByFile.get(mail.file());
        String subject = kind.equals("REPLY") ? mail.parsed().getSubject() : incoming.get(0).subject();
        String body = kind.equals("REPLY") ? incoming.get(incoming.size() - 1).body()
            : incoming.stream().map(TicketMessage::body).collect(Collectors.joining("\n\n"));
        TriageService.Triage result = triage.triage(subject == null ? "" : subject, body == null ? "" : body,
            "EMAIL", mail.date().atZone(DeskTime.ZONE).toOffsetDateTime());
        scope = result.scope();
        category = str(result.outOfScopeCategory());
        urgency = result.urgency();
        language = result.language();
      }
      String expectedScope = label.get("scope") + (label.get("category").isEmpty() ? "" : "/" + label.get("category"));
      String gotScope = scope + (category.isEmpty() ? "" : "/" + category);
      count(name, mail.file(), "scope+category", expectedScope, gotScope);
      increment(scopeConfusion, expectedScope, gotScope);
      boolean inScope = "IN_SCOPE".equals(label.get("scope"));
      if (inScope) {
        inScopeLabelled++;
        if ("OUT_OF_SCOPE".equals(scope)) {
          inScopeProposedForRefusal++;
        }
        count(name, mail.file(), "urgency", label.get("urgency"), urgency);
        increment(urgencyConfusion, label.get("urgency"), urgency);
      }
      String expectedTriage = expectedScope + (inScope ? " " + label.get("urgency") : "");
      String gotTriage = gotScope + ("IN_SCOPE".equals(scope) && inScope ? " " + urgency : "");
      count(name, mail.file(), "scope+category+urgency", expectedTriage, gotTriage);
      if (!label.get("language").isEmpty()) {
        count(name, mail.file(), "language", label.get("language"), language);
      }
    }
  }

  /** The ticket of the corpus mail this reply answers (In-Reply-To, then References newest first). */
  private static String repliedTicket(Mail mail, Map<String, String> fileByMessageId,
      Map<String, Map<String, Object>> intakeByFile) throws Exception {
    List<String> ids = new ArrayList<>();
    String inReplyTo = mail.parsed().getHeader("In-Reply-To", " ");
    if (inReplyTo != null) {
      ids.addAll(Arrays.asList(inReplyTo.trim().split("\\s+")));
    }
    String references = mail.parsed().getHeader("References", " ");
    if (references != null) {
      List<String> refs = new ArrayList<>(Arrays.asList(references.trim().split("\\s+")));
      java.util.Collections.reverse(refs);
      ids.addAll(refs);
    }
    for (String id : ids) {
      String file = fileByMessageId.get(id.strip());
      if (file != null && intakeByFile.get(file).get("ticket_number") != null) {
        return (String) intakeByFile.get(file).get("ticket_number");
      }
    }
    return null;
  }

  /**
   * The ticket's variables; while it waits in {@code customerIdentification}, that process's variables over them
   * (what identification has found so far; the call activity hands them back only when it ends).
   */
  private Map<String, Object> ticketFacts(String ticket) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SUPPORT_REQUEST).processInstanceBusinessKey(ticket).singleResult();
    Map<String, Object> facts = new HashMap<>();
    if (instance == null) {
      return facts;
    }
    variables(instance.getId(), facts);
    history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).unfinished().list()
        .forEach(called -> variables(called.getId(), facts));
    return facts;
  }

  private void variables(String instanceId, Map<String, Object> into) {
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).list()) {
      if (variable.getValue() != null || !into.containsKey(variable.getName())) {
        into.put(variable.getName(), variable.getValue());
      }
    }
  }

  private static List<String> senders(MimeMessage mail) throws Exception {
    List<String> addresses = new ArrayList<>();
    for (String header : List.of("From", "Reply-To", "Sender", "Return-Path")) {
      String value = mail.getHeader(header, ",");
      if (value == null) {
        continue;
      }
      try {
        for (Address address : InternetAddress.parseHeader(value, false)) {
          if (address instanceof InternetAddress internet && internet.getAddress() != null
              && !internet.getAddress().isBlank()) {
            addresses.add(internet.getAddress().toLowerCase(Locale.ROOT));
          }
        }
      } catch (Exception unparsable) {
        // a forged header: the other headers still name the sender
      }
    }
    return addresses.stream().distinct().toList();
  }

  /** Mails the desk addressed to any of these addresses since the mark (sent or still pending). */
  private int mailsFromDeskTo(List<String> addresses, long mark) {
    if (addresses.isEmpty()) {
      return 0;
    }
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket_message WHERE direction = 'OUT' AND id > ? "
        + "AND LOWER(recipient) IN (" + addresses.stream().map(a -> "?").collect(Collectors.joining(",")) + ")",
        Integer.class, Stream.concat(Stream.of((Object) mark), addresses.stream()).toArray());
  }

  private void count(String batch, String file, String field, String expected, String got) {
    // a person is right whether or not the writer typed the diacritics: the desk answers with the registry's spelling
    boolean right = field.equals("person") ? Texts.fold(normalise(expected)).equals(Texts.fold(normalise(got)))
        : normalise(expected).equals(normalise(got));
    for (String key : List.of(batch, "all")) {
      int[] counts = score.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(field, f -> new int[2]);
      counts[1]++;
      if (right) {
        counts[0]++;
      }
    }
    if (!right) {
      misses.add(String.format("%s/%s  %s: expected '%s', got '%s'", batch, file, field, expected, got));
    }
  }

  private static String normalise(String value) {
    return value == null || value.equals("null") ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String str(Object value) {
    return value == null ? "" : value.toString();
  }

  private static void increment(Map<String, Map<String, Integer>> table, String expected, String got) {
    table.computeIfAbsent(expected, e -> new TreeMap<>()).merge(got, 1, Integer::sum);
  }

  private static Map<String, Object> lowerKeys(Map<String, Object> row) {
    Map<String, Object> lower = new HashMap<>();
    row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
    return lower;
  }

  private void report() {
    StringBuilder out = new StringBuilder("\n=== Mailbox corpus: per-field accuracy ===\n");
    List<String> columns = new ArrayList<>(score.keySet());
    columns.remove("all");
    columns.add("all");
    out.append(String.format("%-24s", "field"));
    columns.forEach(column -> out.append(String.format("%16s", column)));
    out.append(String.format("%10s%10s%n", "floor", "goal"));
    for (String field : FLOOR.keySet()) {
      out.append(String.format("%-24s", field));
      for (String column : columns) {
        int[] counts = score.get(column).getOrDefault(field, new int[2]);
        out.append(String.format("%16s", counts[1] == 0 ? "-"
            : String.format("%d/%d %5.1f%%", counts[0], counts[1], 100.0 * counts[0] / counts[1])));
      }
      out.append(String.format("%9.0f%%%10s%n", 100 * FLOOR.get(field), GOAL.getOrDefault(field, "")));
    }
    out.append(String.format("in scope proposed for refusal: %d/%d %.1f%% (goal <= 1 %%)%n", inScopeProposedForRefusal,
        inScopeLabelled, inScopeLabelled == 0 ? 0.0 : 100.0 * inScopeProposedForRefusal / inScopeLabelled));
    out.append(String.format("triage read from the ticket's variables: %d mails; through TriageService (triage had "
        + "not run: identification waits, contract refused, or a reply's own text): %d mails%n", triageFromTicket,
        triageFromService));
    confusion(out, "urgency (rows: labelled, columns: got)", urgencyConfusion);
    confusion(out, "scope/category (rows: labelled, columns: got)", scopeConfusion);
    out.append("\n=== Misses (file, field, expected, got) ===\n");
    misses.forEach(miss -> out.append(miss).append('\n'));
    System.out.println(out);
  }

  private static void confusion(StringBuilder out, String title, Map<String, Map<String, Integer>> table) {
    out.append("\n--- ").append(title).append(" ---\n");
    List<String> got = table.values().stream().flatMap(row -> row.keySet().stream()).distinct().sorted().toList();
    out.append(String.format("%-24s", ""));
    got.forEach(column -> out.append(String.format("%24s", column)));
    out.append('\n');
    table.forEach((expected, row) -> {
      out.append(String.format("%-24s", expected));
      got.forEach(column -> out.append(String.format("%24s", row.getOrDefault(column, 0))));
      out.append('\n');
    });
  }
}
