package cz.intouch.support.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of {@code /api} and of its security entry points: an RFC 9457 problem detail ({@code type},
 * {@code title}, {@code status}, {@code detail}) with our three members that clients rely on: {@code error} (a
 * stable code such as {@code bad_request}), {@code message} (Czech, says what to fix) and {@code field} (the
 * offending field or column, or null). Served as {@code application/json}, which every client understands.
 */
public final class ApiProblem extends ProblemDetail {

  private final String error;
  private final String field;

  private ApiProblem(HttpStatusCode status, String error, String message, String field) {
    super(status.value());
    HttpStatus known = HttpStatus.resolve(status.value());
    setTitle(known == null ? "Error" : known.getReasonPhrase());
    setDetail(message);
    this.error = error;
    this.field = field;
  }

  /** A problem with the code derived from the status (400 → {@code bad_request}). */
  public static ApiProblem of(HttpStatusCode status, String message) {
    return new ApiProblem(status, code(status), message, null);
  }

  public static ApiProblem of(HttpStatusCode status, String error, String message, String field) {
    return new ApiProblem(status, error, message, field);
  }

  public static ApiProblem badRequest(String field, String message) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad_request", message, field);
  }

  public static ApiProblem tooLarge(long limit) {
    return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
        "Tělo požadavku je příliš velké (nejvýše " + limit + " bajtů).", null);
  }

  public static ApiProblem unauthorized() {
    return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized",
        "Přihlaste se uživatelským jménem a heslem (HTTP Basic).", null);
  }

  public static ApiProblem forbidden() {
    return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "K této operaci nemáte oprávnění.", null);
  }

  @JsonProperty("error")
  public String getError() {
    return error;
  }

  @JsonProperty("message")
  public String getMessage() {
    return getDetail();
  }

  @JsonProperty("field")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public String getField() {
    return field;
  }

  public ResponseEntity<Object> toResponse() {
    return ResponseEntity.status(getStatus()).contentType(MediaType.APPLICATION_JSON).body(this);
  }

  /** For servlet filters and security entry points, which answer before any controller advice runs. */
  public void write(HttpServletResponse response, ObjectMapper json) throws IOException {
    response.setStatus(getStatus());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), this);
  }

  private static String code(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "error" : known.name().toLowerCase(Locale.ROOT);
  }
}
