package mx.org.iecm.pgd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mx.org.iecm.pgd.task.Problem;
import org.springframework.http.MediaType;

/**
 * A refused write on the engine APIs, in Camunda's error shape ({@code type}, {@code message},
 * {@code code}, which Tasklist and other clients read) with our Spanish message and, in {@code problems},
 * each problem's {@code field}, {@code label} and {@code message}.
 */
final class RefusalBody {

  static final String SUBMISSION_REFUSED = "SubmissionRefused";

  private RefusalBody() {
  }

  static void write(ObjectMapper objectMapper, HttpServletResponse response, int status, String type, String message,
      List<Problem> problems) throws IOException {
    ObjectNode body = objectMapper.createObjectNode().put("type", type).put("message", message).put("code", 0);
    ArrayNode list = body.putArray("problems");
    for (Problem problem : problems) {
      list.addObject().put("field", problem.field()).put("label", problem.label()).put("message", problem.message());
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    objectMapper.writeValue(response.getOutputStream(), body);
  }
}
