package mx.org.iecm.pgd.operations;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures of the database itself, as opposed to refusals of a request: the server is unreachable,
 * refuses writes or has run out of disk. Requests that meet one answer 503 with a Spanish message
 * instead of a generic error, and nothing of them is kept (their transaction rolls back).
 */
public enum DatabaseFailure {

  UNREACHABLE("La base de datos no está disponible en este momento. No se guardó ningún cambio; "
      + "intente de nuevo en unos minutos."),
  READ_ONLY("La base de datos está en modo de solo lectura y no acepta cambios. No se guardó ningún "
      + "cambio; avise al área de sistemas."),
  OUT_OF_SPACE("La base de datos se quedó sin espacio en disco. No se guardó ningún cambio; avise al "
      + "área de sistemas.");

  /** Seconds a client should wait before trying again (the {@code Retry-After} header). */
  public static final int RETRY_AFTER_SECONDS = 30;

  private final String message;

  DatabaseFailure(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }

  /** The database failure somewhere in the causes of {@code error}, if there is one. */
  public static Optional<DatabaseFailure> of(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      Optional<DatabaseFailure> failure = classify(cause);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private static Optional<DatabaseFailure> classify(Throwable cause) {
    if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
        || cause instanceof SQLTransientConnectionException) {
      return Optional.of(UNREACHABLE);
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      return ofSqlState(sql.getSQLState());
    }
    return Optional.empty();
  }

  /**
   * PostgreSQL's error classes (PostgreSQL documentation, appendix A "Error Codes"): 08 connection
   * exception, 57P01–57P03 server shut down or starting, 25006 read-only transaction, 53 insufficient
   * resources (53100 disk full), 58030 I/O error.
   */
  static Optional<DatabaseFailure> ofSqlState(String state) {
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
      return Optional.of(UNREACHABLE);
    }
    if (state.equals("25006")) {
      return Optional.of(READ_ONLY);
    }
    if (state.startsWith("53") || state.equals("58030")) {
      return Optional.of(OUT_OF_SPACE);
    }
    return Optional.empty();
  }
}
