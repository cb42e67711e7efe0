package cz.intouch.support.customer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/customers/import}: the customer CSV (admins and support managers, see WebSecurity). */
@RestController
class CustomerImportController {

  private final CustomerImport customerImport;

  CustomerImportController(CustomerImport customerImport) {
    this.customerImport = customerImport;
  }

  @PostMapping(path = "/api/customers/import", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
  ImportResult importCustomers(@RequestBody(required = false) byte[] csv,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
    Charset charset = contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
    return customerImport.importCsv(csv, charset);
  }
}
