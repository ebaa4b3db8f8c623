package mx.org.iecm.pgd.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every error the servlet container sends to {@code /error} (an unknown route, a method or a
 * content type a route does not take, the firewall's refusals, any {@code sendError}) in Spanish: a
 * problem detail for APIs and programs, the error page for a browser. It replaces Spring Boot's
 * English one.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class WebErrorController implements ErrorController {

  @RequestMapping
  Object error(HttpServletRequest request) {
    int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
    if (status < 400 || HttpStatus.resolve(status) == null) {
      status = 500;
    }
    String path = pathOf(request);
    // An error dispatch keeps the method of the request that failed.
    String method = request.getMethod();
    if (WebErrors.wantsJson(request, path)) {
      ProblemDetail problem = WebErrors.problem(status, method, path);
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    return new ModelAndView("error", Map.of("status", status, "title", WebErrors.title(status),
        "detail", WebErrors.detail(status, method, null)), HttpStatus.valueOf(status));
  }

  private static String pathOf(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String text ? text : request.getRequestURI();
    String context = request.getContextPath();
    return path.startsWith(context) ? path.substring(context.length()) : path;
  }
}
