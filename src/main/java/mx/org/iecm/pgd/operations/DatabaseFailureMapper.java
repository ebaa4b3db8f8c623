package mx.org.iecm.pgd.operations;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;

/**
 * The engine REST API's answer when the database fails under a request: 503 with the Spanish
 * message in Camunda's error format ({@code type}, {@code message}) and a {@code Retry-After}.
 * Every other error keeps the answer of Camunda's own handler for its type.
 */
abstract class DatabaseFailureMapper<E extends RuntimeException> implements ExceptionMapper<E> {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureMapper.class);

  @Override
  public Response toResponse(E error) {
    return DatabaseFailure.of(error)
        .map(failure -> {
          LOG.error("Solicitud rechazada con 503 ({})", failure, error);
          return Response.status(Response.Status.SERVICE_UNAVAILABLE)
              .header("Retry-After", DatabaseFailure.RETRY_AFTER_SECONDS)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "DatabaseUnavailable", "message", failure.message()))
              .build();
        })
        .orElseGet(() -> otherwise(error));
  }

  abstract Response otherwise(E error);

  /** Engine exceptions: a failed flush or query carries the driver's error among its causes. */
  @Priority(Priorities.USER - 100)
  static class OfEngine extends DatabaseFailureMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    Response otherwise(ProcessEngineException error) {
      return camunda.toResponse(error);
    }
  }

  /** Spring's transaction and data-access exceptions: no connection when the transaction begins. */
  @Priority(Priorities.USER - 100)
  static class OfSpring extends DatabaseFailureMapper<NestedRuntimeException> {

    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    Response otherwise(NestedRuntimeException error) {
      return camunda.toResponse(error);
    }
  }
}
