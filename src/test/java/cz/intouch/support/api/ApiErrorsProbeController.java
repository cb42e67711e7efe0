package cz.intouch.support.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that fail the ways real controllers do, for {@link ApiErrorsTest}. */
@RestController
@RequestMapping("/api/test/errors")
class ApiErrorsProbeController {

  enum Channel { EMAIL, PHONE, WEB }

  record Probe(@NotBlank String subject, Channel channel, @Min(1) Integer count) {}

  private final Validator validator;

  ApiErrorsProbeController(Validator validator) {
    this.validator = validator;
  }

  @PostMapping("/json")
  Map<String, Object> json(@Valid @RequestBody Probe probe) {
    return Map.of("subject", probe.subject());
  }

  @GetMapping("/param")
  Map<String, Object> param(@RequestParam @Min(1) int size) {
    return Map.of("size", size);
  }

  @GetMapping("/violation")
  void violation() {
    throw new ConstraintViolationException(validator.validate(new Probe(" ", Channel.WEB, 1)));
  }

  @GetMapping("/missing")
  void missing() {
    throw new NotFoundException("Tiket TS-2026-999999 neexistuje.");
  }

  @GetMapping("/boom")
  void boom() {
    throw new IllegalStateException("secret internal detail");
  }
}
