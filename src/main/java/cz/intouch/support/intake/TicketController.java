package cz.intouch.support.intake;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.api.BadRequestException;
import cz.intouch.support.api.NotFoundException;
import cz.intouch.support.customer.Ico;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.ReceiptTime;
import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import cz.intouch.support.ticket.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Web and phone intake over REST, and a ticket's public view (contract variables and messages). */
@RestController
@RequestMapping("/api/tickets")
public class TicketController {

  static final List<String> CONTRACT_VARIABLES = List.of(TICKET_NUMBER, CHANNEL, COMPANY_ID, COMPANY_NAME,
      CONTACT_NAME, CONTACT_EMAIL, PROGRAM_VERSION, PROGRAM_BUILD, IDENTIFIED, MISSING_IDENTIFICATION,
      CONTRACT_VALID, SCOPE, OUT_OF_SCOPE_CATEGORY, URGENCY, SLA_DEADLINE, STATUS);

  /**
   * What identification has found so far: while the customer is asked for the rest, these live in the running
   * {@code customerIdentification} (the call activity hands them back only when it ends).
   */
  static final List<String> IDENTIFICATION_FINDINGS = List.of(COMPANY_ID, COMPANY_NAME, CONTACT_NAME,
      CONTACT_EMAIL, PROGRAM_VERSION, PROGRAM_BUILD, IDENTIFIED, MISSING_IDENTIFICATION, CONTRACT_VALID);


  private final TicketIntake intake;
  private final TicketMessages messages;
  private final HistoryService history;
  private final ReceiptTime receiptTime;

  public TicketController(TicketIntake intake, TicketMessages messages, HistoryService history,
      ReceiptTime receiptTime) {
    this.intake = intake;
    this.messages = messages;
    this.history = history;
    this.receiptTime = receiptTime;
  }

  public record CreateTicket(
      @NotNull Channel channel,
      @Size(max = 1000) String subject,
      @NotBlank @Size(max = 1_000_000) String body,
      @Size(max = 20) String companyId,
      @Size(max = 255) String companyName,
      @Size(max = 255) String contactName,
      @Email @Size(max = 320) String contactEmail,
      @Size(max = 50) String programVersion,
      OffsetDateTime receivedAt,
      String urgencyProposal,
      Boolean answeredInCall) {}

  public record Created(String ticketNumber) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Created create(@Valid @RequestBody CreateTicket request) {
    if (request.channel() == Channel.EMAIL) {
      throw new BadRequestException("channel", "E-mailové požadavky přijímá schránka podpory, ne toto API.");
    }
    if (request.companyId() != null && !request.companyId().isBlank() && !Ico.isValid(request.companyId())) {
      throw new BadRequestException("companyId", "Neplatné IČO " + request.companyId() + " (kontrolní číslice).");
    }
    if (request.urgencyProposal() != null && !request.urgencyProposal().isBlank()
        && !Urgency.isKnown(request.urgencyProposal())) {
      throw new BadRequestException("urgencyProposal",
          "Neznámá naléhavost; povolené hodnoty: " + java.util.Arrays.toString(Urgency.values()) + ".");
    }
    Instant receivedAt = request.receivedAt() != null ? receiptTime.check(request.receivedAt().toInstant())
        : DeskTime.now();
    String ticketNumber = intake.open(new TicketIntake.NewRequest(request.channel(), receivedAt, request.subject(),
        request.body(), request.companyId(), request.companyName(), request.contactName(), request.contactEmail(),
        request.programVersion(), request.urgencyProposal(), Boolean.TRUE.equals(request.answeredInCall()), null));
    return new Created(ticketNumber);
  }

  @GetMapping("/{ticketNumber}")
  public Map<String, Object> ticket(@PathVariable String ticketNumber) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SUPPORT_REQUEST).processInstanceBusinessKey(ticketNumber).singleResult();
    if (instance == null) {
      throw new NotFoundException("Tiket " + ticketNumber + " neexistuje.");
    }
    Map<String, Object> view = new LinkedHashMap<>();
    CONTRACT_VARIABLES.forEach(name -> view.put(name, null));
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableNameIn(CONTRACT_VARIABLES.toArray(String[]::new)).list()) {
      view.put(variable.getName(), local(variable.getValue()));
    }
    history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).unfinished().list()
        .forEach(identification -> history.createHistoricVariableInstanceQuery()
            .processInstanceId(identification.getId())
            .variableNameIn(IDENTIFICATION_FINDINGS.toArray(String[]::new)).list()
            .forEach(variable -> view.put(variable.getName(), local(variable.getValue()))));
    Object missing = view.get(MISSING_IDENTIFICATION);
    view.put(MISSING_IDENTIFICATION, missing == null ? (Boolean.TRUE.equals(view.get(IDENTIFIED)) ? List.of() : null)
        : java.util.Arrays.stream(missing.toString().split(",")).map(String::strip).filter(code -> !code.isEmpty())
            .toList());
    view.put("messages", messages.of(ticketNumber).stream().map(TicketController::messageView).toList());
    return view;
  }

  /** Dates as Prague local time with its offset, as the triage answer gives them. */
  private static Object local(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(DeskTime.ZONE).toOffsetDateTime();
    }
    if (value instanceof Instant instant) {
      return instant.atZone(DeskTime.ZONE).toOffsetDateTime();
    }
    return value;
  }

  private static Map<String, Object> messageView(TicketMessage message) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("direction", message.direction());
    view.put("kind", message.kind());
    view.put("channel", message.channel());
    view.put("from", message.sender());
    view.put("to", message.recipient());
    view.put("subject", message.subject());
    view.put("body", message.body());
    view.put("at", local(message.occurredAt()));
    return view;
  }
}
