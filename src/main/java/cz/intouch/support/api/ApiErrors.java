package cz.intouch.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import cz.intouch.support.ticket.ReceiptTime;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Every error of our JSON API as {@code {"status", "error", "message", "field"}} with a Czech message that says
 * what to fix; the same shape {@link WebSecurity} writes for 401/403. Bad input is a 4xx, never a 500; a 500 says
 * nothing about the cause to the client and logs it for us.
 */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  /** The JSON body of every API error. {@code field} names the offending field or column, or is null. */
  public record ApiError(int status, String error, String message, String field) {}

  /** Czech wording for the standard constraints, used when a constraint keeps its default (English) message. */
  private static final Map<String, String> CONSTRAINTS = Map.ofEntries(
      Map.entry("NotNull", "je povinné"),
      Map.entry("NotBlank", "nesmí být prázdné"),
      Map.entry("NotEmpty", "nesmí být prázdné"),
      Map.entry("Size", "má nepřípustnou délku"),
      Map.entry("Email", "není platná e-mailová adresa"),
      Map.entry("Pattern", "nemá požadovaný tvar"),
      Map.entry("Min", "je příliš malé"),
      Map.entry("Max", "je příliš velké"),
      Map.entry("DecimalMin", "je příliš malé"),
      Map.entry("DecimalMax", "je příliš velké"),
      Map.entry("Positive", "musí být kladné"),
      Map.entry("PositiveOrZero", "nesmí být záporné"),
      Map.entry("Negative", "musí být záporné"),
      Map.entry("Past", "musí být v minulosti"),
      Map.entry("PastOrPresent", "nesmí být v budoucnosti"),
      Map.entry("Future", "musí být v budoucnosti"),
      Map.entry("FutureOrPresent", "nesmí být v minulosti"),
      Map.entry("Null", "musí zůstat prázdné"),
      Map.entry("AssertTrue", "musí být pravdivé"),
      Map.entry("AssertFalse", "musí být nepravdivé"),
      Map.entry("Digits", "má nepřípustný počet číslic"));

  static ApiError tooLarge(long limit) {
    return new ApiError(413, "payload_too_large",
        "Tělo požadavku je příliš velké (nejvýše " + limit + " bajtů).", null);
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ApiError> badRequest(BadRequestException e) {
    return badRequest(e.getField(), e.getMessage());
  }

  @ExceptionHandler(ReceiptTime.Implausible.class)
  ResponseEntity<ApiError> implausibleReceiptTime(ReceiptTime.Implausible e) {
    return badRequest(ReceiptTime.Implausible.FIELD, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return respond(new ApiError(404, "not_found", e.getMessage(), null));
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ApiError> noSuchPath(Exception e) {
    return respond(new ApiError(404, "not_found", "Adresa neexistuje.", null));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    RequestBodyTooLargeException tooLarge = causeOf(e, RequestBodyTooLargeException.class);
    if (tooLarge != null) {
      return respond(tooLarge(tooLarge.getLimit()));
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return badRequest(path(unknown), "Neznámé pole „" + unknown.getPropertyName() + "“.");
    }
    if (cause instanceof InvalidFormatException invalid) {
      String field = path(invalid);
      String value = String.valueOf(invalid.getValue());
      Class<?> target = invalid.getTargetType();
      if (target != null && target.isEnum()) {
        String allowed = Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
            .collect(Collectors.joining(", "));
        return badRequest(field, "Neplatná hodnota „" + value + "“ v poli " + field + ". Povolené hodnoty: " + allowed + ".");
      }
      return badRequest(field, "Neplatná hodnota „" + value + "“ v poli " + field + ".");
    }
    if (cause instanceof MismatchedInputException mismatched) {
      String field = path(mismatched);
      return field == null
          ? badRequest(null, "Tělo požadavku nemá očekávanou strukturu JSON.")
          : badRequest(field, "Pole " + field + " má nesprávný typ hodnoty.");
    }
    if (cause instanceof ValueInstantiationException instantiation) {
      String field = path(instantiation);
      // our own records validate in their constructors with Czech messages
      String reason = instantiation.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
          ? " " + iae.getMessage() : "";
      return badRequest(field, "Neplatná hodnota" + (field == null ? "" : " v poli " + field) + "." + reason);
    }
    if (cause instanceof JsonProcessingException parse && parse.getLocation() != null) {
      return badRequest(null, "Tělo požadavku není platný JSON (řádek " + parse.getLocation().getLineNr()
          + ", sloupec " + parse.getLocation().getColumnNr() + ").");
    }
    if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return badRequest(null, "Požadavek nemá tělo.");
    }
    return badRequest(null, "Tělo požadavku nelze přečíst.");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
    FieldError error = e.getBindingResult().getFieldErrors().stream()
        .min(Comparator.comparing(FieldError::getField)).orElse(null);
    if (error == null) {
      MessageSourceResolvable global = e.getBindingResult().getGlobalErrors().stream().findFirst().orElse(null);
      return badRequest(null, global == null ? "Neplatný požadavek." : "Neplatný požadavek: " + global.getDefaultMessage());
    }
    ConstraintViolation<?> violation = error.contains(ConstraintViolation.class)
        ? error.unwrap(ConstraintViolation.class) : null;
    return badRequest(error.getField(), fieldMessage(error.getField(), lastCode(error), template(violation),
        error.getDefaultMessage()));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
    for (var result : e.getParameterValidationResults()) {
      for (MessageSourceResolvable error : result.getResolvableErrors()) {
        String field = error instanceof FieldError fieldError
            ? fieldError.getField() : result.getMethodParameter().getParameterName();
        ConstraintViolation<?> violation = unwrapViolation(result, error);
        return badRequest(field, fieldMessage(field, lastCode(error), template(violation), error.getDefaultMessage()));
      }
    }
    return badRequest(null, "Neplatný požadavek.");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> constraintViolated(ConstraintViolationException e) {
    ConstraintViolation<?> violation = e.getConstraintViolations().stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
    if (violation == null) {
      return badRequest(null, "Neplatný požadavek.");
    }
    String field = leaf(violation.getPropertyPath());
    String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return badRequest(field, fieldMessage(field, constraint, violation.getMessageTemplate(), violation.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return badRequest(e.getParameterName(), "Chybí parametr " + e.getParameterName() + ".");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> wrongParameterType(MethodArgumentTypeMismatchException e) {
    return badRequest(e.getName(), "Neplatná hodnota „" + e.getValue() + "“ parametru " + e.getName() + ".");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
    String sent = e.getContentType() == null ? "žádný" : e.getContentType().toString();
    return respond(new ApiError(415, "unsupported_media_type", "Nepodporovaný typ obsahu (" + sent + ")."
        + (supported.isEmpty() ? "" : " Očekává se: " + supported + "."), null));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(new ApiError(406, "not_acceptable", "Odpověď v požadovaném formátu nelze poskytnout.", null));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return respond(new ApiError(405, "method_not_allowed", "Metoda " + e.getMethod() + " zde není podporována.", null));
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class, RequestBodyTooLargeException.class})
  ResponseEntity<ApiError> payloadTooLarge(Exception e) {
    long limit = e instanceof RequestBodyTooLargeException tooLarge ? tooLarge.getLimit()
        : ((MaxUploadSizeExceededException) e).getMaxUploadSize();
    return respond(tooLarge(limit));
  }

  /** Method security inside controllers: the same answers as the filter chain gives. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
    return respond(new ApiError(403, "forbidden", "K této operaci nemáte oprávnění.", null));
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ApiError> unauthorized(AuthenticationException e) {
    return respond(new ApiError(401, "unauthorized", "Přihlaste se uživatelským jménem a heslem (HTTP Basic).", null));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    RequestBodyTooLargeException tooLarge = causeOf(e, RequestBodyTooLargeException.class);
    if (tooLarge != null) {
      return respond(tooLarge(tooLarge.getLimit()));
    }
    if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
      HttpStatusCode status = framework.getStatusCode();
      return respond(new ApiError(status.value(), errorCode(status), "Požadavek nelze zpracovat.", null));
    }
    log.error("Unexpected error in the API", e);
    return respond(new ApiError(500, "internal_error",
        "Na serveru došlo k neočekávané chybě. Zkuste to prosím znovu, případně kontaktujte správce.", null));
  }

  private static ResponseEntity<ApiError> badRequest(String field, String message) {
    return respond(new ApiError(400, "bad_request", message, field));
  }

  private static ResponseEntity<ApiError> respond(ApiError error) {
    return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error);
  }

  private static String errorCode(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "error" : known.name().toLowerCase();
  }

  private static String fieldMessage(String field, String constraint, String template, String defaultMessage) {
    boolean customMessage = template != null && !template.startsWith("{jakarta.validation.constraints.")
        && !template.startsWith("{org.hibernate.validator.constraints.");
    String reason = customMessage || !CONSTRAINTS.containsKey(constraint) ? defaultMessage : CONSTRAINTS.get(constraint);
    return "Pole " + field + ": " + reason + ".";
  }

  private static String lastCode(MessageSourceResolvable error) {
    String[] codes = error.getCodes();
    return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
  }

  private static String template(ConstraintViolation<?> violation) {
    return violation == null ? null : violation.getMessageTemplate();
  }

  private static ConstraintViolation<?> unwrapViolation(
      org.springframework.validation.method.ParameterValidationResult result, MessageSourceResolvable error) {
    try {
      return result.unwrap(error, ConstraintViolation.class);
    } catch (IllegalArgumentException notAViolation) {
      return null;
    }
  }

  private static String leaf(Path path) {
    String name = null;
    for (Path.Node node : path) {
      name = node.getName();
    }
    return name;
  }

  /** "contacts[0].email" from Jackson's path; null when the problem is the document itself. */
  private static String path(JsonMappingException e) {
    List<JsonMappingException.Reference> references = e.getPath();
    if (references.isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
