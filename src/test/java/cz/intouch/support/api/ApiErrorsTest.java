package cz.intouch.support.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.intouch.support.SupportDeskTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every failure of the API answers the same JSON shape with a Czech message; bad input is never a 500. */
@SupportDeskTest
class ApiErrorsTest {

  private static final String IMPORT = "/api/customers/import";
  private static final String CSV_HEADER =
      "company_id,company_name,contract_valid_until,contact_name,contact_email,contact_phone\n";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    JsonNode error = expect(400, post("/api/test/errors/json", "application/json", "{\"subject\": \"Chyba\","));
    assertThat(error.get("error").asText()).isEqualTo("bad_request");
    assertThat(error.get("message").asText()).contains("není platný JSON");
    assertThat(error.get("field").isNull()).isTrue();
  }

  @Test
  void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
    JsonNode error = expect(400, post("/api/test/errors/json", "application/json",
        "{\"subject\": \"Chyba\", \"channel\": \"FAX\"}"));
    assertThat(error.get("field").asText()).isEqualTo("channel");
    assertThat(error.get("message").asText())
        .isEqualTo("Neplatná hodnota „FAX“ v poli channel. Povolené hodnoty: EMAIL, PHONE, WEB.");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheField() throws Exception {
    JsonNode error = expect(400, post("/api/test/errors/json", "application/json",
        "{\"subject\": \"Chyba\", \"count\": \"mnoho\"}"));
    assertThat(error.get("field").asText()).isEqualTo("count");
  }

  @Test
  void aMissingBodyIsABadRequest() throws Exception {
    JsonNode error = expect(400, post("/api/test/errors/json", "application/json", ""));
    assertThat(error.get("message").asText()).isEqualTo("Požadavek nemá tělo.");
  }

  @Test
  void beanValidationNamesTheFieldInCzech() throws Exception {
    JsonNode error = expect(400, post("/api/test/errors/json", "application/json", "{\"subject\": \" \"}"));
    assertThat(error.get("field").asText()).isEqualTo("subject");
    assertThat(error.get("message").asText()).isEqualTo("Pole subject: nesmí být prázdné.");
  }

  @Test
  void parameterValidationNamesTheParameter() throws Exception {
    JsonNode error = expect(400, get("/api/test/errors/param?size=0"));
    assertThat(error.get("field").asText()).isEqualTo("size");
    assertThat(error.get("message").asText()).isEqualTo("Pole size: je příliš malé.");
    assertThat(expect(400, get("/api/test/errors/param?size=hodně")).get("field").asText()).isEqualTo("size");
    assertThat(expect(400, get("/api/test/errors/param")).get("field").asText()).isEqualTo("size");
  }

  @Test
  void aConstraintViolationNamesTheField() throws Exception {
    JsonNode error = expect(400, get("/api/test/errors/violation"));
    assertThat(error.get("field").asText()).isEqualTo("subject");
  }

  @Test
  void aBadRequestExceptionNamesItsField() throws Exception {
    JsonNode error = expect(400, post(IMPORT, "text/csv",
        "company_id,company_name,contract_valid_until,contact_name,contact_phone\n"));
    assertThat(error.get("field").asText()).isEqualTo("contact_email");
    assertThat(error.get("message").asText()).startsWith("V hlavičce souboru chybí sloupec contact_email.");
  }

  @Test
  void anUnsupportedContentTypeIs415() throws Exception {
    JsonNode error = expect(415, post(IMPORT, "application/json", "{}"));
    assertThat(error.get("error").asText()).isEqualTo("unsupported_media_type");
    assertThat(error.get("message").asText()).contains("text/csv");
  }

  @Test
  void aThreeMegabyteBodyIsRefusedWith413() throws Exception {
    byte[] body = oversizedCsv();
    JsonNode error = expect(413, send(IMPORT, "text/csv", BodyPublishers.ofByteArray(body)));
    assertThat(error.get("error").asText()).isEqualTo("payload_too_large");
    assertThat(error.get("message").asText()).startsWith("Tělo požadavku je příliš velké");
  }

  @Test
  void aThreeMegabyteBodyWithoutContentLengthIsRefusedWith413() throws Exception {
    byte[] body = oversizedCsv();
    // an input stream publisher sends chunked: the limit must hold while reading, not only on Content-Length
    JsonNode error = expect(413, send(IMPORT, "text/csv",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    assertThat(error.get("error").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    JsonNode error = expect(404, get("/api/no-such-thing"));
    assertThat(error.get("error").asText()).isEqualTo("not_found");
    assertThat(error.get("message").asText()).isEqualTo("Adresa neexistuje.");
  }

  @Test
  void aNotFoundExceptionIs404WithItsMessage() throws Exception {
    JsonNode error = expect(404, get("/api/test/errors/missing"));
    assertThat(error.get("message").asText()).isEqualTo("Tiket TS-2026-999999 neexistuje.");
  }

  @Test
  void aWrongMethodIs405() throws Exception {
    JsonNode error = expect(405, get(IMPORT));
    assertThat(error.get("error").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void anUnexpectedFailureIsAGeneric500WithoutDetails() throws Exception {
    HttpResponse<String> response = get("/api/test/errors/boom");
    JsonNode error = expect(500, response);
    assertThat(error.get("error").asText()).isEqualTo("internal_error");
    assertThat(error.get("message").asText()).startsWith("Na serveru došlo k neočekávané chybě.");
    assertThat(response.body()).doesNotContain("secret", "Exception", "at cz.");
  }

  private static byte[] oversizedCsv() {
    byte[] filler = new byte[3 * 1024 * 1024];
    Arrays.fill(filler, (byte) 'x');
    byte[] header = CSV_HEADER.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(header, 0, filler, 0, header.length);
    return filler;
  }

  private JsonNode expect(int status, HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.has("field")).isTrue();
    return body;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return send(path, contentType, BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String path, String contentType, BodyPublisher body) throws Exception {
    return http.send(request(path).header("Content-Type", contentType).POST(body).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    String basic = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + basic);
  }
}
