package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to the requests it refuses before the application sees them (a request line with
 * characters a URL cannot carry, an encoded slash or NUL in the path, a malformed header): in Spanish,
 * as a problem detail for APIs and programs or a short page for a browser, instead of Tomcat's English
 * HTML report. Nothing of the server (version, stack) is shown.
 */
public class SpanishErrorReportValve extends ErrorReportValve {

  /** Public and without arguments: Tomcat's host makes its error valve from the class name. */
  public SpanishErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String path = request.getDecodedRequestURI();
    String method = request.getMethod();
    try {
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      if (WebErrors.wantsJson(path, request.getHeader(HttpHeaders.ACCEPT))) {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", WebErrors.title(status))
            .put("status", status).put("detail", WebErrors.detail(status, method, path));
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(JSON.writeValueAsString(body));
        }
      } else {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(WebErrors.page(status));
        }
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the answer already started: nothing more can be said.
    }
  }
}
