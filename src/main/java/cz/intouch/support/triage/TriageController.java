package cz.intouch.support.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import cz.intouch.support.ticket.Channel;
import cz.intouch.support.ticket.ReceiptTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/triage: how a request would be classified and by when it must be started; creates nothing. */
@RestController
@RequestMapping("/api/triage")
public class TriageController {

  private final TriageService triage;
  private final ReceiptTime receiptTime;

  public TriageController(TriageService triage, ReceiptTime receiptTime) {
    this.triage = triage;
    this.receiptTime = receiptTime;
  }

  public record TriageRequest(
      @Size(max = 1000) String subject,
      @NotNull @Size(min = 1, max = 1_000_000) String body,
      @NotNull Channel channel,
      @NotNull OffsetDateTime receivedAt) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TriageResponse(String scope, String outOfScopeCategory, String urgency, OffsetDateTime slaDeadline,
      String language) {}

  @PostMapping
  public TriageResponse triage(@Valid @RequestBody TriageRequest request) {
    receiptTime.check(request.receivedAt().toInstant());
    TriageService.Triage result = triage.triage(request.subject(), request.body(), request.channel().name(),
        request.receivedAt());
    return new TriageResponse(result.scope(), result.outOfScopeCategory(), result.urgency(), result.slaDeadline(),
        result.language());
  }
}
