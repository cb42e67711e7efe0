package cz.intouch.support.extranet;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the extranet tests: own cookies, no redirects followed, CSRF token from the form. */
class ExtranetClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  /** The client address the desk sees (X-Forwarded-For, trusted from a local proxy as under prod); null: 127.0.0.1. */
  private final String clientAddress;

  ExtranetClient(int port) {
    this(port, null);
  }

  ExtranetClient(int port, String clientAddress) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    this.clientAddress = clientAddress;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts a form the way the page at {@code formPage} would, with its CSRF token. */
  HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrfToken(formPage));
    return post(action, all);
  }

  HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(request(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String csrfToken(String page) throws Exception {
    Matcher matcher = CSRF.matcher(get(page).body());
    if (!matcher.find()) {
      throw new AssertionError("no CSRF token on " + page);
    }
    return matcher.group(1);
  }

  HttpResponse<String> login(String username, String password) throws Exception {
    return submit("/extranet/login", "/extranet/login", Map.of("username", username, "password", password));
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** Staff call of the JSON API (HTTP Basic). */
  HttpResponse<String> importCustomers(String csv) throws Exception {
    String auth = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/customers/import"))
            .header("Authorization", "Basic " + auth).header("Content-Type", "text/csv; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
