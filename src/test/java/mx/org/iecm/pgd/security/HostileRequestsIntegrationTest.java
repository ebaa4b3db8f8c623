package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fixed corpus of hostile requests (odd paths and encodings, every method, wrong content types and
 * parameter types, malformed, duplicate-keyed, deeply nested and 10 MB bodies) against every endpoint
 * of {@code /api}, sent byte by byte as a client can: no answer is a 5xx, every 4xx is a problem
 * detail in Spanish, and nothing is written.
 */
@PgdIntegrationTest
class HostileRequestsIntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String MANAGER = "Basic " + Base64.getEncoder().encodeToString("manager1:demo".getBytes(StandardCharsets.UTF_8));
  /** Words of Spring's and Tomcat's English answers; none may reach a person. */
  static final Pattern ENGLISH = Pattern.compile(
      "\\b(Bad Request|Not Found|Method Not Allowed|Not Acceptable|Unsupported Media Type|Forbidden|Unauthorized"
          + "|Internal Server Error|No static resource|Failed to|Required|Invalid|is not supported|request)\\b");
  static final Pattern SPANISH = Pattern.compile("\\b(la|el|de|no|una|un|los|las|su|sus|por|con|que)\\b");

  /**
   * Endpoints at targets nothing can be written to (a year outside every plan, a line that does not
   * exist, a cycle that was never started), so that even a request that got through would change nothing.
   */
  static final List<String> ENDPOINTS = List.of("GET /api/plans", "GET /api/plan", "GET /api/plan/action-lines/1.1",
      "GET /api/lessons", "GET /api/status?year=2022", "GET /api/audit/cases", "GET /api/audit/cases.csv",
      "GET /api/audit/cases/PGD-2020-2023:9.9:2031", "GET /api/audit/cases/PGD-2020-2023:9.9:2031/verify",
      "GET /api/audit/cases/PGD-2020-2023:9.9:2031/pdf", "POST /api/cycles/2031", "POST /api/cycles/2031/9.9",
      "POST /api/cycles/2031/9.9/cancel", "POST /api/cycles/2031/9.9/change-requests",
      "GET /api/tasks/no-existe/evidence", "POST /api/tasks/no-existe/evidence?name=informe.pdf",
      "GET /api/evidence/no-existe", "DELETE /api/evidence/no-existe");

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;

  private Map<String, Long> written() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return Map.of(
        "cycles", jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = ?", Long.class,
            "action-line-lifecycle"),
        "journal", jdbc.queryForObject("SELECT count(*) FROM pgd_case_journal", Long.class),
        "seals", jdbc.queryForObject("SELECT count(*) FROM pgd_case_seal", Long.class),
        "lessons", jdbc.queryForObject("SELECT count(*) FROM pgd_lesson_learned", Long.class),
        "evidence", jdbc.queryForObject("SELECT count(*) FROM pgd_evidence_file", Long.class));
  }

  /** The corpus: each entry a request line, its headers and its body. */
  static List<String[]> corpus() {
    List<String[]> corpus = new ArrayList<>();
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String big = "{\"reason\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    for (String endpoint : ENDPOINTS) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      for (String other : List.of("PUT", "DELETE", "PATCH", "TRACE", method.equals("GET") ? "POST" : "GET")) {
        corpus.add(new String[] {other, path, null, null});
      }
      for (String odd : List.of("%2F..%2Fetc", "%00", "<script>", "%ZZ", ";jsessionid=x", "x".repeat(3000),
          "%E2%80%AE", "..", "%252e%252e")) {
        corpus.add(new String[] {method, bare + "/" + odd, null, null});
      }
      corpus.add(new String[] {method, bare + "?year=0x7E6&page=-1&size=abc&from=2022-13-45&line=1.1x", null, null});
      corpus.add(new String[] {method, path, "Accept: application/xml", null});
      if (method.equals("POST")) {
        corpus.add(new String[] {method, path, "Content-Type: text/plain", "razón"});
        corpus.add(new String[] {method, path, "Content-Type: application/xml", "<reason>x</reason>"});
        corpus.add(new String[] {method, path, "Content-Type: application/json", "{\"reason\": "});
        corpus.add(new String[] {method, path, "Content-Type: application/json", "{\"reason\": \"a\", \"reason\": \"b\"}"});
        corpus.add(new String[] {method, path, "Content-Type: application/json", deep});
        corpus.add(new String[] {method, path, "Content-Type: application/json", "{\"reason\": \"\\u0000\"}"});
      }
    }
    corpus.add(new String[] {"POST", "/api/cycles/2031/9.9/cancel", "Content-Type: application/json", big});
    corpus.add(new String[] {"GET", "/api/no-existe", null, null});
    corpus.add(new String[] {"GET", "/api/audit/cases?page=2147483647&size=500", null, null});
    return corpus;
  }

  @Test
  void noHostileRequestGetsAServerErrorAnEnglishAnswerOrWritesAnything() throws Exception {
    Map<String, Long> before = written();
    List<String> failures = new ArrayList<>();
    java.util.Set<Integer> statuses = new java.util.TreeSet<>();
    int sent = 0;
    for (String[] request : corpus()) {
      Answer answer = send(request[0], request[1], request[2], request[3]);
      sent++;
      statuses.add(answer.status());
      String what = request[0] + " " + abbreviated(request[1]) + (request[2] == null ? "" : " [" + request[2] + "]");
      if (answer.status() >= 500) {
        failures.add(what + " → " + answer.status() + " " + abbreviated(answer.body()));
      } else if (answer.status() >= 400 && !request[0].equals("HEAD")) {
        String problem = spanishProblem(answer);
        if (problem != null) {
          failures.add(what + " → " + answer.status() + ": " + problem);
        }
      }
    }
    assertThat(failures).as("of %d hostile requests", sent).isEmpty();
    // The corpus reaches every kind of refusal: the container's, the firewall's, the routes' and ours.
    assertThat(statuses).contains(400, 404, 405, 406, 415);
    assertThat(written()).isEqualTo(before);
  }

  /** What is wrong with a 4xx answer, or null when it is a Spanish problem detail. */
  private static String spanishProblem(Answer answer) {
    if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")
        && !answer.contentType().startsWith("application/json")) {
      return "content type " + answer.contentType() + ": " + abbreviated(answer.body());
    }
    JsonNode body;
    try {
      body = JSON.readTree(answer.body());
    } catch (Exception e) {
      return "not JSON: " + abbreviated(answer.body());
    }
    String text = body.path("title").asText("") + " " + body.path("detail").asText("");
    if (body.path("detail").asText("").isBlank()) {
      return "no detail: " + abbreviated(answer.body());
    }
    Matcher english = ENGLISH.matcher(text);
    if (english.find() || !SPANISH.matcher(text).find()) {
      return "not Spanish: " + abbreviated(text);
    }
    return null;
  }

  private record Answer(int status, String contentType, String body) {
  }

  /** One request as bytes on a socket: the HTTP clients would refuse to send most of the corpus. */
  private Answer send(String method, String target, String header, String body) throws Exception {
    byte[] sentBody = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: localhost\r\nConnection: close\r\nAuthorization: ").append(MANAGER).append("\r\n");
    if (header != null) {
      request.append(header).append("\r\n");
    }
    if (body != null) {
      request.append("Content-Length: ").append(sentBody.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      try {
        out.write(sentBody);
        out.flush();
      } catch (java.io.IOException closed) {
        // The server answered (and closed) before reading the whole body: its answer is still there.
      }
      byte[] raw = socket.getInputStream().readNBytes(1_000_000);
      int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      List<String> lines = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.ISO_8859_1)
          .lines().toList();
      int status = lines.isEmpty() ? 0 : Integer.parseInt(lines.get(0).split(" ")[1]);
      String contentType = null;
      boolean chunked = false;
      for (String line : lines) {
        String lower = line.toLowerCase();
        if (lower.startsWith("content-type:")) {
          contentType = line.substring(13).strip();
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      byte[] content = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
      return new Answer(status, contentType, new String(chunked ? unchunked(content) : content, StandardCharsets.UTF_8));
    }
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] unchunked(byte[] chunked) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    int at = 0;
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    while (at < chunked.length) {
      int end = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), crlf);
      if (end < 0) {
        break;
      }
      String sizeLine = new String(chunked, at, end, StandardCharsets.US_ASCII).strip();
      int size = Integer.parseInt(sizeLine.contains(";") ? sizeLine.substring(0, sizeLine.indexOf(';')) : sizeLine, 16);
      if (size == 0) {
        break;
      }
      int start = at + end + 2;
      body.write(chunked, start, Math.min(size, chunked.length - start));
      at = start + size + 2;
    }
    return body.toByteArray();
  }

  private static String abbreviated(String text) {
    return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
