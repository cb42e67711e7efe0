package cz.intouch.support.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import cz.intouch.support.ticket.ReceiptTime;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of our JSON API as an {@link ApiProblem} with a Czech message that says what to fix. Spring's own
 * {@link ResponseEntityExceptionHandler} maps the framework's exceptions to their statuses; we only word them.
 * Bad input is a 4xx, never a 500; a 500 says nothing about the cause to the client and logs it for us.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

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

  // --- our own exceptions

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Object> badRequest(BadRequestException e) {
    return ApiProblem.badRequest(e.getField(), e.getMessage()).toResponse();
  }

  @ExceptionHandler(ReceiptTime.Implausible.class)
  ResponseEntity<Object> implausibleReceiptTime(ReceiptTime.Implausible e) {
    return ApiProblem.badRequest(ReceiptTime.Implausible.FIELD, e.getMessage()).toResponse();
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage()).toResponse();
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolated(ConstraintViolationException e) {
    ConstraintViolation<?> violation = e.getConstraintViolations().stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
    if (violation == null) {
      return ApiProblem.badRequest(null, "Neplatný požadavek.").toResponse();
    }
    String field = leaf(violation.getPropertyPath());
    String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return ApiProblem.badRequest(field,
        fieldMessage(field, constraint, violation.getMessageTemplate(), violation.getMessage())).toResponse();
  }

  @ExceptionHandler(RequestBodyTooLargeException.class)
  ResponseEntity<Object> tooLarge(RequestBodyTooLargeException e) {
    return ApiProblem.tooLarge(e.getLimit()).toResponse();
  }

  /** Method security inside controllers: the same answers as the filter chain gives. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e) {
    return ApiProblem.forbidden().toResponse();
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthorized(AuthenticationException e) {
    return ApiProblem.unauthorized().toResponse();
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    RequestBodyTooLargeException tooLarge = causeOf(e, RequestBodyTooLargeException.class);
    if (tooLarge != null) {
      return tooLarge(tooLarge);
    }
    log.error("Unexpected error in the API", e);
    return internalError();
  }

  // --- the framework's exceptions, in Czech

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    RequestBodyTooLargeException tooLarge = causeOf(e, RequestBodyTooLargeException.class);
    if (tooLarge != null) {
      return tooLarge(tooLarge);
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return bad(path(unknown), "Neznámé pole „" + unknown.getPropertyName() + "“.");
    }
    if (cause instanceof InvalidFormatException invalid) {
      String field = path(invalid);
      String value = String.valueOf(invalid.getValue());
      Class<?> target = invalid.getTargetType();
      if (target != null && target.isEnum()) {
        String allowed = Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
            .collect(Collectors.joining(", "));
        return bad(field, "Neplatná hodnota „" + value + "“ v poli " + field + ". Povolené hodnoty: " + allowed + ".");
      }
      return bad(field, "Neplatná hodnota „" + value + "“ v poli " + field + ".");
    }
    if (cause instanceof MismatchedInputException mismatched) {
      String field = path(mismatched);
      return field == null
          ? bad(null, "Tělo požadavku nemá očekávanou strukturu JSON.")
          : bad(field, "Pole " + field + " má nesprávný typ hodnoty.");
    }
    if (cause instanceof ValueInstantiationException instantiation) {
      String field = path(instantiation);
      // our own records validate in their constructors with Czech messages
      String reason = instantiation.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
          ? " " + iae.getMessage() : "";
      return bad(field, "Neplatná hodnota" + (field == null ? "" : " v poli " + field) + "." + reason);
    }
    if (cause instanceof JsonProcessingException parse && parse.getLocation() != null) {
      return bad(null, "Tělo požadavku není platný JSON (řádek " + parse.getLocation().getLineNr()
          + ", sloupec " + parse.getLocation().getColumnNr() + ").");
    }
    if (cause == null && hasNoBody(request)) {
      return bad(null, "Požadavek nemá tělo.");
    }
    return bad(null, "Tělo požadavku nelze přečíst.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldError error = e.getBindingResult().getFieldErrors().stream()
        .min(Comparator.comparing(FieldError::getField)).orElse(null);
    if (error == null) {
      MessageSourceResolvable global = e.getBindingResult().getGlobalErrors().stream().findFirst().orElse(null);
      return bad(null, global == null ? "Neplatný požadavek." : "Neplatný požadavek: " + global.getDefaultMessage());
    }
    ConstraintViolation<?> violation = error.contains(ConstraintViolation.class)
        ? error.unwrap(ConstraintViolation.class) : null;
    return bad(error.getField(), fieldMessage(error.getField(), lastCode(error), template(violation),
        error.getDefaultMessage()));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (var result : e.getParameterValidationResults()) {
      for (MessageSourceResolvable error : result.getResolvableErrors()) {
        String field = error instanceof FieldError fieldError
            ? fieldError.getField() : result.getMethodParameter().getParameterName();
        ConstraintViolation<?> violation = unwrapViolation(result, error);
        return bad(field, fieldMessage(field, lastCode(error), template(violation), error.getDefaultMessage()));
      }
    }
    return bad(null, "Neplatný požadavek.");
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return bad(e.getParameterName(), "Chybí parametr " + e.getParameterName() + ".");
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return bad(e.getPropertyName(), "Neplatná hodnota „" + e.getValue() + "“ parametru " + e.getPropertyName() + ".");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
    String sent = e.getContentType() == null ? "žádný" : e.getContentType().toString();
    return ApiProblem.of(status, "Nepodporovaný typ obsahu (" + sent + ")."
        + (supported.isEmpty() ? "" : " Očekává se: " + supported + ".")).toResponse();
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ApiProblem.of(status, "Odpověď v požadovaném formátu nelze poskytnout.").toResponse();
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ApiProblem.of(status, "Metoda " + e.getMethod() + " zde není podporována.").toResponse();
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ApiProblem.of(status, "Adresa neexistuje.").toResponse();
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ApiProblem.of(status, "Adresa neexistuje.").toResponse();
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ApiProblem.tooLarge(e.getMaxUploadSize()).toResponse();
  }

  /** Every other exception Spring maps itself: its status, our shape, a Czech message. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (status.is5xxServerError()) {
      log.error("Unexpected error in the API", e);
      return internalError();
    }
    return ApiProblem.of(status, "Požadavek nelze zpracovat.").toResponse();
  }

  private static ResponseEntity<Object> bad(String field, String message) {
    return ApiProblem.badRequest(field, message).toResponse();
  }

  private static ResponseEntity<Object> internalError() {
    return ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
        "Na serveru došlo k neočekávané chybě. Zkuste to prosím znovu, případně kontaktujte správce.", null)
        .toResponse();
  }

  /** An empty body (not a malformed one): nothing was sent, announced or chunked. */
  private static boolean hasNoBody(WebRequest request) {
    HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
        ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    return servlet != null && servlet.getContentLengthLong() <= 0 && servlet.getHeader("Transfer-Encoding") == null;
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
