package cz.intouch.support.report;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/sla}: the managers' SLA figures as JSON, or as CSV with {@code Accept: text/csv}
 * (managers and admins, see WebSecurity; the Cockpit dashboard calls it with the manager's webapp session).
 */
@RestController
class SlaReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final SlaReports reports;

  SlaReportController(SlaReports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/reports/sla")
  ResponseEntity<?> sla(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    SlaReport report = reports.report();
    if (wantsCsv(accept)) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-" + report.generatedAt().toLocalDate()
              + ".csv\"")
          .body(SlaReportCsv.of(report));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  /** CSV when the client names it; JSON otherwise, also without an Accept header and for {@code *}{@code /*}. */
  private static boolean wantsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getType().equals(CSV.getType())
          && type.getSubtype().equals(CSV.getSubtype()) && type.getQualityValue() > 0);
    } catch (IllegalArgumentException unparseable) {
      return false;
    }
  }
}
