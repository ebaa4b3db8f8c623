package mx.org.iecm.pgd.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseFailureTest {

  @Test
  void findsTheDatabaseFailureAmongTheCausesOfAnEngineError() {
    ProcessEngineException readOnly = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
        new RuntimeException(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
    ProcessEngineException diskFull = new ProcessEngineException("flush",
        new SQLException("could not extend file: No space left on device", "53100"));

    assertThat(DatabaseFailure.of(readOnly)).contains(DatabaseFailure.READ_ONLY);
    assertThat(DatabaseFailure.of(diskFull)).contains(DatabaseFailure.OUT_OF_SPACE);
    assertThat(DatabaseFailure.of(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
        .contains(DatabaseFailure.UNREACHABLE);
    assertThat(DatabaseFailure.of(new SQLException("terminating connection due to administrator command", "57P01")))
        .contains(DatabaseFailure.UNREACHABLE);
    assertThat(DatabaseFailure.of(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("pgd - Connection is not available, request timed out after 5000ms."))))
        .contains(DatabaseFailure.UNREACHABLE);
  }

  @Test
  void refusalsAndProgrammingErrorsAreNotDatabaseFailures() {
    assertThat(DatabaseFailure.of(new ProcessEngineException("Cannot find task with id 42"))).isEmpty();
    assertThat(DatabaseFailure.of(new ProcessEngineException("flush",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isEmpty();
    assertThat(DatabaseFailure.of(new SQLException("syntax error", "42601"))).isEmpty();
  }
}
