package cz.intouch.support.config;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Staff as HTTP clients of the running desk: HTTP Basic on /engine-rest and /api (password = user name, as the
 * demo users have it), or a webapp session with its CSRF token for the webapps' own API under /camunda/api.
 */
final class StaffHttp {

  private final int port;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  StaffHttp(int port) {
    this.port = port;
  }

  /** A call as {@code user} with HTTP Basic, or anonymous when {@code user} is null. */
  HttpResponse<String> send(String method, String path, String user, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> json(String method, String path, String user, String json) throws Exception {
    return send(method, path, user, "application/json", json);
  }

  /** A POST as Tasklist makes it for a filter's task list: HAL, with the filter's variables embedded. */
  HttpResponse<String> hal(String path, String user, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Logs {@code user} in to a webapp (tasklist, cockpit, admin) as a browser does. */
  WebappSession login(String app, String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    WebappSession session = new WebappSession(browser);
    HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
    if (login.statusCode() != 200) {
      throw new IllegalStateException(user + " cannot log in to " + app + ": " + login.statusCode());
    }
    // the login starts a new session, whose CSRF token the next page load hands out
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    return session;
  }

  final class WebappSession {

    private final HttpClient browser;

    private WebappSession(HttpClient browser) {
      this.browser = browser;
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
          .header("X-XSRF-TOKEN", csrfToken())
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The session cookie the browser holds now. */
    String sessionId() {
      return cookie("JSESSIONID");
    }

    private String csrfToken() {
      // the webapps' CSRF filter wants the token from its cookie echoed in a header
      return cookie("XSRF-TOKEN");
    }

    private String cookie(String name) {
      return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals(name)).reduce((first, last) -> last).orElseThrow().getValue();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
