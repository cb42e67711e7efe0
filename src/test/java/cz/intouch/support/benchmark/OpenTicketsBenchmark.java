package cz.intouch.support.benchmark;

import static cz.intouch.support.ticket.TicketVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.SupportDeskApplication;
import cz.intouch.support.TestPostgres;
import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.extranet.CustomerTickets;
import cz.intouch.support.mail.EmbeddedMailServer;
import cz.intouch.support.mail.MailSettings;
import cz.intouch.support.report.SlaReports;
import cz.intouch.support.ticket.Urgency;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.TestSocketUtils;

/**
 * The desk with many open tickets (issue 13): {@code mvn -Popen-tickets-benchmark test-compile exec:java
 * -Dopen.tickets=N -Dopen.db=h2|postgres}. Starts the desk (job executor and mail intake on, embedded GreenMail) on a
 * fresh H2 file or PostgreSQL database and measures the same operations twice: on an almost empty database (a few
 * seed tickets) and after filling it with N tickets spread over the states a real desk has.
 *
 * <p>Measured: the agents' Tasklist filters as Tasklist asks for them over REST (HAL with the card variables, one page
 * of 15, "Úkoly podle termínu SLA" by due date and "Úkoly mé skupiny" newest first), {@code GET /api/tickets/{n}} as
 * {@code agent}, the extranet's "Naše požadavky" of the company with about 1,000 tickets ({@link CustomerTickets}, the
 * service behind the page), the managers' SLA report, the rate of completing "Zahájit řešení" through TaskService and
 * the mail intake rate (mails dropped into the support INBOX until their tickets' processes started).
 *
 * <p>The fill goes through the engine API ({@code startBeforeActivity}: each ticket with its contract variables at
 * its waiting state, as the intake would have left it, without running identification, triage or mails), plus the
 * rows of {@code sd_ticket_message} the pages read (the request and its acknowledgement). It is the bulk of the
 * run's time; rerun with a smaller N first. On PostgreSQL, {@code -Dopen.explain=100} logs the plan of every statement
 * slower than 100 ms (auto_explain) to the server's log, and {@code -Dopen.keep=true} keeps the filled database (with
 * SUPPORT_TEST_PG_URL, to try an index on it). {@code -Dopen.reuse=<its JDBC URL>} measures such a kept database again
 * (user and password from SUPPORT_TEST_PG_USER/_PASSWORD), without filling it and without the empty run: e.g. after a
 * change of the schema, which then also has to migrate the filled database.
 */
public final class OpenTicketsBenchmark {

  private static final String SLA_FILTER = "Úkoly podle termínu SLA";
  private static final String GROUP_FILTER = "Úkoly mé skupiny";
  /** A demo customer (demo/customers.csv): its contacts get an extranet account, its tickets the big list. */
  private static final String BIG_COMPANY = "28166345";
  private static final String BIG_COMPANY_NAME = "Strojírny Hořice s.r.o.";
  /** Another demo customer: the mails' senders are its contacts, so the big company's list stays as filled. */
  private static final String MAIL_COMPANY = "27498336";
  private static final int CREATORS = 4;
  private static final int WARM_UP = 10;

  private final int calls = Integer.getInteger("open.calls", 50);
  private final int completions = Integer.getInteger("open.complete", 200);
  private final int mails = Integer.getInteger("open.mails", 200);
  private final int year = Year.now().getValue();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger nextNumber = new AtomicInteger(100_000);

  private ConfigurableApplicationContext app;
  private ProcessEngine engine;
  private JdbcTemplate jdbc;
  private int port;

  public static void main(String[] args) throws Exception {
    new OpenTicketsBenchmark().run(args);
  }

  private void run(String[] args) throws Exception {
    int tickets = Integer.getInteger("open.tickets", 2000);
    int companyTickets = Integer.getInteger("open.companyTickets", Math.min(1000, tickets / 2));
    String db = System.getProperty("open.db", "h2");
    String reuse = System.getProperty("open.reuse");
    TestPostgres postgres = "postgres".equals(db) && reuse == null ? TestPostgres.start() : null;
    try {
      if (postgres != null && System.getProperty("open.explain") != null) {
        explainSlowStatements(postgres, Integer.getInteger("open.explain"));
      }
      List<String> settings = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
          "--support.mail.smtp.port=" + TestSocketUtils.findAvailableTcpPort(),
          "--support.mail.imap.port=" + TestSocketUtils.findAvailableTcpPort(),
          "--support.mail.intake.enabled=true"));
      if (reuse != null) {
        settings.addAll(List.of("--spring.datasource.url=" + reuse,
            "--spring.datasource.username=" + System.getenv().getOrDefault("SUPPORT_TEST_PG_USER", "postgres"),
            "--spring.datasource.password=" + System.getenv().getOrDefault("SUPPORT_TEST_PG_PASSWORD", "")));
      } else if (postgres != null) {
        settings.addAll(List.of("--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password()));
      } else {
        Path data = Files.createTempDirectory("support-desk-open-tickets");
        settings.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
      }
      settings.addAll(Arrays.asList(args)); // e.g. --spring.datasource.hikari.maximum-pool-size=40 to try a setting
      app = new SpringApplicationBuilder(SupportDeskApplication.class).run(settings.toArray(String[]::new));
      engine = app.getBean(ProcessEngine.class);
      jdbc = app.getBean(JdbcTemplate.class);
      port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      String loadAtStart = uptime();
      if (reuse != null) {
        // numbers after the kept tickets', and mail senders no earlier run registered
        jdbc.query("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ?", row -> {
          int number = Integer.parseInt(row.getString(1).substring(row.getString(1).lastIndexOf('-') + 1));
          nextNumber.accumulateAndGet(number + 1, Math::max);
        }, "TS-" + year + "-%");
        waitUntilQuiet();
        Map<String, Result> filled = measure("kept" + System.currentTimeMillis());
        print("PostgreSQL, kept " + reuse, 0, 0, 0, null, filled);
        System.out.printf("  machine load (uptime): start %s%n    at the end %s%n%n", loadAtStart, uptime());
        return;
      }

      // a few tickets of every kind, so every page has something to show
      fill(40, 10);
      waitUntilQuiet();
      Map<String, Result> empty = measure("empty");
      String loadAfterEmpty = uptime();

      long fillStart = System.nanoTime();
      fill(tickets, companyTickets);
      double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
      String loadAfterFill = uptime();
      waitUntilQuiet();
      Map<String, Result> filled = measure("filled");
      String loadAtEnd = uptime();

      print(postgres != null ? "PostgreSQL" : "H2 file", tickets, companyTickets, fillSeconds, empty, filled);
      if (postgres != null && System.getProperty("open.explain") != null) {
        Path plans = Path.of("target", "open-tickets-explain.log");
        Files.createDirectories(plans.getParent());
        try {
          // the embedded server's log goes away with it: keep what auto_explain wrote
          Files.writeString(plans, jdbc.queryForObject("SELECT pg_read_file('server.log')", String.class));
          System.out.printf("  plans of the slow statements: %s%n", plans.toAbsolutePath());
        } catch (org.springframework.dao.DataAccessException e) {
          System.out.println("  plans of the slow statements: in the log of the server (SUPPORT_TEST_PG_URL)");
        }
      }
      System.out.printf("  machine load (uptime): start %s%n    after the empty run %s%n    after the fill %s%n"
          + "    at the end %s%n%n", loadAtStart, loadAfterEmpty, loadAfterFill, loadAtEnd);
    } finally {
      if (app != null) {
        app.close();
      }
      if (postgres != null && Boolean.getBoolean("open.keep")) {
        // e.g. to try an index on the filled database with psql
        System.out.printf("  kept the filled database: %s%n", postgres.jdbcUrl());
      } else if (postgres != null) {
        postgres.close();
      }
    }
  }

  // --- the operations ---------------------------------------------------------------------------------------

  private Map<String, Result> measure(String phase) throws Exception {
    Map<String, Result> results = new LinkedHashMap<>();
    String slaFilter = filterId(SLA_FILTER);
    String groupFilter = filterId(GROUP_FILTER);
    List<String> openTickets = engine.getTaskService().createTaskQuery()
        .taskDefinitionKey(INITIATE_RESOLUTION_TASK).listPage(0, 500).stream()
        .map(task -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
        .toList();
    CustomerTickets extranet = app.getBean(CustomerTickets.class);
    SlaReports reports = app.getBean(SlaReports.class);
    System.out.printf("[%s] measuring (%d calls each after %d warm-up calls)%n", phase, calls, WARM_UP);

    results.put("Tasklist: " + SLA_FILTER + " (due date)", latency(() -> filterPage(slaFilter, "dueDate", "asc")));
    results.put("Tasklist: " + GROUP_FILTER + " (newest)", latency(() -> filterPage(groupFilter, "created", "desc")));
    results.put("GET /api/tickets/{n} as agent", latency(() -> {
      String ticket = openTickets.get(ThreadLocalRandom.current().nextInt(openTickets.size()));
      HttpResponse<String> response = get("/api/tickets/" + ticket, "agent");
      check(response);
      return 1;
    }));
    int[] companyList = new int[1];
    results.put("extranet: Naše požadavky", latency(() -> companyList[0] = extranet.of(BIG_COMPANY).size()));
    results.put("GET /api/reports/sla as manager", latency(() -> {
      check(get("/api/reports/sla", "manager"));
      return 1;
    }));
    results.put("SlaReports.report()", latency(() -> reports.report() != null ? 1 : 0));
    results.put("complete 'Zahájit řešení' (per s)", completionRate());
    results.put("mail intake (mails per s)", mailIntakeRate(phase));
    System.out.printf("[%s] the company's list has %d tickets%n", phase, companyList[0]);
    waitUntilQuiet();
    return results;
  }

  /** One page of a desk filter as Tasklist asks for it: HAL, with the count and the cards' variables embedded. */
  private int filterPage(String filterId, String sortBy, String order) throws Exception {
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[],"
        + "\"sorting\":[{\"sortBy\":\"" + sortBy + "\",\"sortOrder\":\"" + order + "\"}],\"active\":true}";
    HttpResponse<String> response = http.send(request("/engine-rest/filter/" + filterId
            + "/list?firstResult=0&maxResults=15", "agent")
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    check(response);
    JsonNode page = json.readTree(response.body());
    if (page.path("_embedded").path("task").size() == 0) {
      throw new IllegalStateException("Filter " + filterId + " shows no task: " + response.body());
    }
    return page.path("count").asInt();
  }

  /** Fresh tickets at "Zahájit řešení" (not timed), then all of them completed by 4 threads (timed). */
  private Result completionRate() throws Exception {
    completeFresh(WARM_UP);
    return completeFresh(completions);
  }

  private Result completeFresh(int count) throws Exception {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(nextTicketNumber());
    }
    parallel(numbers.size(), i -> startTicket(numbers.get(i), Shape.INITIATE, Urgency.values()[i % 3].name(),
        "47114983", "Pekárna Novák a.s."));
    TaskService tasks = engine.getTaskService();
    List<String> taskIds = new ArrayList<>();
    for (String number : numbers) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
      taskIds.add(task.getId());
    }
    long start = System.nanoTime();
    parallel(taskIds.size(), i -> tasks.complete(taskIds.get(i)));
    return Result.rate(taskIds.size(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Mails from registered contacts dropped into the support INBOX at once (as if SMTP had just accepted them), until
   * each one's ticket process has started. The rate counts from the first ticket started, so the poll interval's
   * wait before the first poll is not in it.
   */
  private Result mailIntakeRate(String phase) throws Exception {
    intake(phase + ".warm-up", WARM_UP);
    return intake(phase, mails);
  }

  private Result intake(String batchName, int mails) throws Exception {
    CustomerRegistry customers = app.getBean(CustomerRegistry.class);
    Company company = customers.findCompanyByIco(MAIL_COMPANY).orElseThrow();
    Session session = Session.getInstance(new Properties());
    List<MimeMessage> batch = new ArrayList<>();
    for (int i = 0; i < mails; i++) {
      String name = "Kontakt " + letters(i) + " " + letters(batchName.hashCode() & 0xffff);
      String address = "bench." + batchName + "." + i + "@elektro-moravec.cz";
      customers.addContact(company.id(), name, address, CustomerRegistry.SOURCE_IMPORT);
      batch.add(new MimeMessage(session, new ByteArrayInputStream(("From: " + name + " <" + address + ">\r\n"
          + "To: support@intouch-crm.cz\r\nSubject: =?UTF-8?Q?Nejde_tisk_faktur?= " + i + "\r\n"
          + "Message-ID: <open." + batchName + "." + i + "." + System.nanoTime() + "@elektro-moravec.cz>\r\n"
          + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
          + "Dobrý den, ve verzi 5.3.2 nejde tisk faktur, tiskárna hlásí chybu.\r\n\r\nS pozdravem\r\n" + name
          + "\r\n").getBytes(StandardCharsets.UTF_8))));
    }
    HistoryService history = engine.getHistoryService();
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).count();
    Date arrival = new Date();
    EmbeddedMailServer server = app.getBean(EmbeddedMailServer.class);
    var inbox = server.greenMail().getManagers().getImapHostManager()
        .getInbox(server.greenMail().getUserManager().getUser(app.getBean(MailSettings.class).imap().user()));
    for (MimeMessage mail : batch) {
      inbox.appendMessage(mail, new Flags(), arrival);
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (history.createHistoricProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST).count() < before + mails) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The mails did not become tickets within 10 minutes");
      }
      Thread.sleep(200); // polling the database, not timing the work
    }
    Timestamp[] span = jdbc.queryForObject("SELECT MIN(START_TIME_), MAX(START_TIME_) FROM ACT_HI_PROCINST"
        + " WHERE PROC_DEF_KEY_ = ? AND START_TIME_ >= ?", (row, n) -> new Timestamp[] {row.getTimestamp(1),
            row.getTimestamp(2)}, SUPPORT_REQUEST, new Timestamp(arrival.getTime()));
    double seconds = Math.max(0.001, (span[1].getTime() - span[0].getTime()) / 1000.0);
    return Result.rate(mails - 1, seconds);
  }

  // --- the fill ---------------------------------------------------------------------------------------------

  /** Where a generated ticket waits, with its share of the open tickets. */
  private enum Shape {
    INITIATE(60, "UserTask_InitiateResolution"),
    IDENTIFICATION(8, "UserTask_CompleteIdentification"),
    WAITING_FOR_CUSTOMER(8, "Gateway_AwaitCustomer"),
    FIRST_LEVEL(5, "UserTask_ResolveFirstLevel"),
    SECOND_LEVEL(5, "UserTask_ResolveSecondLevel"),
    PLANNED_INTO_RELEASE(4, "UserTask_PlanIntoRelease"),
    CLOSED(10, "EndEvent_TicketClosed");

    final int percent;
    final String activity;

    Shape(int percent, String activity) {
      this.percent = percent;
      this.activity = activity;
    }

    static Shape of(int i) {
      int slot = Math.floorMod(i * 37, 100); // spread, not in blocks
      for (Shape shape : values()) {
        if (slot < shape.percent) {
          return shape;
        }
        slot -= shape.percent;
      }
      throw new AssertionError();
    }
  }

  private void fill(int count, int ofBigCompany) throws Exception {
    int every = Math.max(1, count / Math.max(1, ofBigCompany));
    List<Object[]> messages = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    parallel(count, i -> {
      boolean big = i % every == 0 && i / every < ofBigCompany;
      String ico = big ? BIG_COMPANY : String.format("%08d", 10_000_000 + (i % 500) * 17);
      String companyName = big ? BIG_COMPANY_NAME : "Firma " + (i % 500) + " s.r.o.";
      Shape shape = Shape.of(i);
      String urgency = shape == Shape.PLANNED_INTO_RELEASE ? "COSMETIC" : Urgency.values()[(i / 7) % 3].name();
      String number = nextTicketNumber();
      startTicket(number, shape, urgency, ico, companyName);
      synchronized (messages) {
        Instant received = Instant.now().minus(Duration.ofMinutes(i % 10_000));
        String contact = "kontakt" + (i % 50) + "@firma" + (i % 500) + ".cz";
        messages.add(new Object[] {number, "IN", "REQUEST", contact, null, "Požadavek " + number,
            "Dobrý den, program hlásí chybu při uložení faktury. Děkuji za pomoc.", "<" + number + "@bench>", null,
            "RECEIVED", Timestamp.from(received)});
        messages.add(new Object[] {number, "OUT", "ACKNOWLEDGEMENT", "support@intouch-crm.cz", contact,
            "[" + number + "] Přijali jsme Váš požadavek", "Dobrý den, Váš požadavek jsme přijali.",
            "<ack." + number + "@intouch-crm.cz>", "ack:" + number, "SENT", Timestamp.from(received.plusSeconds(5))});
        if (messages.size() >= 1000) {
          insertMessages(new ArrayList<>(messages));
          messages.clear();
        }
      }
      int n = done.incrementAndGet();
      if (n % 10_000 == 0) {
        System.out.printf("  %d tickets filled in %.0f s%n", n, (System.nanoTime() - start) / 1e9);
      }
    });
    insertMessages(messages);
  }

  private void insertMessages(List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO sd_ticket_message (ticket_number, direction, kind, sender, recipient, subject,"
          + " body, message_id, dedup_key, status, occurred_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EMAIL')",
          rows);
    }
  }

  private void startTicket(String number, Shape shape, String urgency, String ico, String companyName) {
    Instant now = Instant.now();
    // deadlines hours to days ahead: no timer falls due while the benchmark runs
    Instant deadline = now.plus(Duration.ofMinutes(180 + ThreadLocalRandom.current().nextInt(14 * 24 * 60)));
    Map<String, Object> variables = new HashMap<>();
    variables.put(TICKET_NUMBER, number);
    variables.put(CHANNEL, "EMAIL");
    variables.put(COMPANY_ID, ico);
    variables.put(COMPANY_NAME, companyName);
    variables.put(CONTACT_NAME, "Jan Novák");
    variables.put(CONTACT_EMAIL, "jan.novak@firma.cz");
    variables.put(SUBJECT, "Požadavek " + number);
    variables.put(RECEIVED_AT, Date.from(now));
    variables.put(PROGRAM_VERSION, "5.3.2");
    variables.put(IDENTIFIED, shape != Shape.IDENTIFICATION);
    variables.put(CONTRACT_VALID, true);
    if (shape == Shape.IDENTIFICATION) {
      // the agent's "Doplnit identifikaci" of a ticket whose customer has not named the person yet
      variables.put(MISSING_IDENTIFICATION, "PERSON");
      engine.getRuntimeService().createProcessInstanceByKey(CUSTOMER_IDENTIFICATION).businessKey(number)
          .setVariables(variables).startBeforeActivity(shape.activity).execute();
      return;
    }
    variables.put(SCOPE, "IN_SCOPE");
    variables.put(OUT_OF_SCOPE_CATEGORY, null);
    variables.put(URGENCY, urgency);
    variables.put(URGENCY_LABEL, Urgency.czechOf(urgency));
    boolean timed = !"COSMETIC".equals(urgency);
    variables.put(SLA_DEADLINE, timed ? Date.from(deadline) : null);
    variables.put(SLA_WARNING_AT, timed ? Date.from(deadline.minus(Duration.ofHours(2))) : null);
    RuntimeService runtime = engine.getRuntimeService();
    runtime.createProcessInstanceByKey(SUPPORT_REQUEST).businessKey(number).setVariables(variables)
        .startBeforeActivity(shape.activity).execute();
  }

  private String nextTicketNumber() {
    return String.format("TS-%d-%06d", year, nextNumber.getAndIncrement());
  }

  /** Waits until the job executor has nothing due (the seeds' and mails' asynchronous steps are done). */
  private void waitUntilQuiet() throws InterruptedException {
    ManagementService management = engine.getManagementService();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (management.createJobQuery().executable().count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500); // polling the database, not timing the work
    }
  }

  /**
   * PostgreSQL's auto_explain for every statement slower than {@code millis}: its plan, with the rows each step
   * really read, goes to the server's log (for the embedded server: server.log in its data directory). Set on the
   * database before the desk connects, so every connection of the pool has it.
   */
  private static void explainSlowStatements(TestPostgres postgres, int millis) throws java.sql.SQLException {
    try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
        postgres.password()); var statement = connection.createStatement()) {
      var name = statement.executeQuery("SELECT current_database()");
      name.next();
      String database = name.getString(1);
      statement.execute("ALTER DATABASE " + database + " SET session_preload_libraries = 'auto_explain'");
      statement.execute("ALTER DATABASE " + database + " SET auto_explain.log_min_duration = " + millis);
      statement.execute("ALTER DATABASE " + database + " SET auto_explain.log_analyze = on");
      statement.execute("ALTER DATABASE " + database + " SET auto_explain.log_timing = off");
      System.out.printf("auto_explain on for statements over %d ms in database %s (see the server's log)%n", millis,
          database);
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  private interface Indexed {
    void run(int i) throws Exception;
  }

  private static void parallel(int count, Indexed work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < CREATORS; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            work.run(i);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private Result latency(Callable<?> call) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      call.call();
    }
    long[] millis = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.call();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    return Result.latency(millis);
  }

  private String filterId(String name) {
    FilterService filters = engine.getFilterService();
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path, String user) {
    // demo users: password = user name
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** Person names without digits (the registry's name key ignores them): a, b, ..., aa, ab, ... */
  private static String letters(int i) {
    StringBuilder name = new StringBuilder();
    for (int n = i + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('a' + (n - 1) % 26));
    }
    return name.toString();
  }

  /** A latency distribution in milliseconds, or a rate per second. */
  private record Result(long[] millis, double rate) {

    static Result latency(long[] sortedMillis) {
      return new Result(sortedMillis, -1);
    }

    static Result rate(int count, double seconds) {
      return new Result(null, count / seconds);
    }

    String text() {
      if (millis == null) {
        return String.format(Locale.ROOT, "%.1f /s", rate);
      }
      return String.format(Locale.ROOT, "%d / %d / %d ms", millis[millis.length / 2],
          millis[(int) Math.ceil(millis.length * 0.95) - 1], millis[millis.length - 1]);
    }

    String against(Result empty) {
      if (millis == null) {
        return String.format(Locale.ROOT, "%.0f %% of empty (goal ≥ 80 %%)", 100 * rate / empty.rate);
      }
      long p95 = millis[(int) Math.ceil(millis.length * 0.95) - 1];
      return p95 <= 200 ? "p95 ≤ 200 ms: met" : "p95 ≤ 200 ms: MISSED";
    }
  }

  private void print(String database, int tickets, int companyTickets, double fillSeconds, Map<String, Result> empty,
      Map<String, Result> filled) {
    long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SUPPORT_REQUEST)
        .count();
    long atInitiate = engine.getTaskService().createTaskQuery().taskDefinitionKey(INITIATE_RESOLUTION_TASK).count();
    System.out.printf(Locale.ROOT, "%nOPEN TICKETS BENCHMARK (%s, %d tickets filled, %d of company %s)%n", database,
        tickets, companyTickets, BIG_COMPANY);
    System.out.printf(Locale.ROOT, "  fill: %.1f s = %.1f s per 1,000 tickets (%d threads, engine API + messages)%n",
        fillSeconds, fillSeconds * 1000 / tickets, CREATORS);
    System.out.printf(Locale.ROOT, "  now: %d running tickets, %d at 'Zahájit řešení', %d rows in sd_ticket_message%n",
        running, atInitiate, jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket_message", Long.class));
    System.out.printf(Locale.ROOT, "  %-48s %-22s %-22s %s%n", "operation (p50 / p95 / max)", "empty", "filled",
        "goal");
    if (empty == null) {
      filled.forEach((name, after) -> System.out.printf(Locale.ROOT, "  %-48s %-22s %-22s%n", name, "-",
          after.text()));
      return;
    }
    empty.forEach((name, before) -> System.out.printf(Locale.ROOT, "  %-48s %-22s %-22s %s%n", name, before.text(),
        filled.get(name).text(), filled.get(name).against(before)));
  }

  private static String uptime() {
    try {
      return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
