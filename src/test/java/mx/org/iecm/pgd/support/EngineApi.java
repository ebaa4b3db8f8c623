package mx.org.iecm.pgd.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's REST resources as a person of the institute can call them by hand: at
 * {@code /engine-rest} with HTTP Basic, or at the webapps' {@code /camunda/api/engine/engine/default}
 * with the session of the login page and the webapps' CSRF token. Hostile requests are sent both ways.
 */
public abstract class EngineApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A status and a JSON body (or null). */
  public record Answer(int status, JsonNode body) {

    public String message() {
      return body == null ? "" : body.path("message").asText();
    }
  }

  final int port;
  final String user;
  final HttpClient client;

  EngineApi(int port, String user, HttpClient client) {
    this.port = port;
    this.user = user;
    this.client = client;
  }

  /** The API a parameterized test names: {@code "webapp"} or {@code "engine-rest"}. */
  public static EngineApi of(String kind, int port, String user) {
    return "webapp".equals(kind) ? webapp(port, user) : rest(port, user);
  }

  /** {@code /engine-rest} with HTTP Basic. */
  public static EngineApi rest(int port, String user) {
    return new EngineApi(port, user, HttpClient.newHttpClient()) {
      @Override
      HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/" + path))
            .header("Authorization", "Basic " + basic);
      }

      @Override
      public String toString() {
        return "/engine-rest";
      }
    };
  }

  /** The webapps' engine API, after logging in on the login page as a person does. */
  public static EngineApi webapp(int port, String user) {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    login(client, port, user);
    return new EngineApi(port, user, client) {
      @Override
      HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/engine/engine/default/" + path));
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue).findFirst().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        return builder;
      }

      @Override
      public String toString() {
        return "/camunda/api/engine";
      }
    };
  }

  private static void login(HttpClient client, int port, String user) {
    try {
      String base = "http://localhost:" + port;
      String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      if (!token.find()) {
        throw new IllegalStateException("No CSRF field on the login page");
      }
      client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo&_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.discarding());
      // The webapps hand out their CSRF token (cookie XSRF-TOKEN) with the first call.
      client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count")).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  abstract HttpRequest.Builder request(String path);

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(json(body)));
  }

  public Answer put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      if (body == null || body.isBlank()) {
        return new Answer(response.statusCode(), null);
      }
      try {
        return new Answer(response.statusCode(), JSON.readTree(body));
      } catch (JsonProcessingException notJson) {
        return new Answer(response.statusCode(), JSON.getNodeFactory().textNode(body));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
