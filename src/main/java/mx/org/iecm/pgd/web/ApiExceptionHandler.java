package mx.org.iecm.pgd.web;

import mx.org.iecm.pgd.operations.DatabaseFailure;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of our API as RFC 9457 problem details with a Spanish {@code detail}.
 */
@RestControllerAdvice(basePackages = "mx.org.iecm.pgd")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "No encontrado", e.getMessage());
  }

  @ExceptionHandler(ApiException.class)
  ProblemDetail refused(ApiException e) {
    String title = switch (e.status()) {
      case BAD_REQUEST -> "Solicitud no válida";
      case CONFLICT -> "Conflicto con el estado actual";
      case FORBIDDEN -> "Sin permiso";
      case NOT_FOUND -> "No encontrado";
      case PAYLOAD_TOO_LARGE -> "Demasiado grande";
      case TOO_MANY_REQUESTS -> "Demasiadas solicitudes";
      case UNSUPPORTED_MEDIA_TYPE -> "Tipo de archivo no aceptado";
      default -> e.status().getReasonPhrase();
    };
    return problem(e.status(), title, e.getMessage());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Solicitud no válida", "El cuerpo de la solicitud no es JSON válido.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noRoute(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "No encontrado", "No existe la ruta /" + e.getResourcePath() + ".");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "Solicitud no válida",
        "El parámetro «" + e.getName() + "» tiene un valor no válido: «" + e.getValue() + "».");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "Solicitud no válida",
        "Falta el parámetro obligatorio «" + e.getParameterName() + "».");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "Método no permitido",
        "La ruta no admite el método " + e.getMethod() + ".");
  }

  /**
   * Engine and data-access errors: 503 when the database itself failed (the request can be sent
   * again later), otherwise the error goes on to the generic 500 answer.
   */
  @ExceptionHandler({ProcessEngineException.class, NestedRuntimeException.class})
  ResponseEntity<ProblemDetail> databaseFailure(RuntimeException e) {
    DatabaseFailure failure = DatabaseFailure.of(e).orElseThrow(() -> e);
    LOG.error("Solicitud rechazada con 503 ({})", failure, e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFailure.RETRY_AFTER_SECONDS))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Servicio no disponible", failure.message()));
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
