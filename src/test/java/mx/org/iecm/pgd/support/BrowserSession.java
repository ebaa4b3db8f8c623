package mx.org.iecm.pgd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client with cookies: logs in at /login and then calls pages and APIs with its session.
 */
public final class BrowserSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public BrowserSession(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The same page requested {@code times} times at once, as several tabs or people would. */
  public List<HttpResponse<String>> getAtOnce(String path, String accept, int times) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept).GET().build();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    return answers.stream().map(CompletableFuture::join).toList();
  }

  public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Any request with the session's cookie and the given headers (name, value, name, value…). */
  public HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Fills in the login page as a person would and returns the answer to the form. */
  public HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> page = get("/login", "text/html");
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).as("CSRF field on the login page").isTrue();
    return post("/login", "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + token.group(1));
  }
}
