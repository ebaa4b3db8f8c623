package mx.org.iecm.pgd.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL server per test JVM, started on first use. Each test context that needs a
 * clean database asks for a database of its own.
 *
 * <p>At JVM exit the server is stopped only after every Spring context using it has closed (Spring
 * closes its cached test contexts in a shutdown hook of its own, at the same time as ours).
 */
public final class EmbeddedPostgresServer {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private static final Duration CONTEXTS_CLOSE_WAIT = Duration.ofSeconds(60);
  private static final Object LOCK = new Object();

  private static EmbeddedPostgres server;
  private static int openContexts;

  private EmbeddedPostgresServer() {
  }

  private static EmbeddedPostgres server() {
    synchronized (LOCK) {
      if (server == null) {
        try {
          server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
          throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopWhenContextsClosed,
            "embedded-postgres-shutdown"));
      }
      return server;
    }
  }

  /** The server's port on the loopback interface, for command-line tools (psql, pg_dump). */
  public static int port() {
    return server().getPort();
  }

  /** JDBC URL of a database of this server. */
  public static String url(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String newDatabase(String name) {
    EmbeddedPostgres postgres = server();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return postgres.getJdbcUrl(USER, name);
  }

  /**
   * Keeps the server up until the context has destroyed its beans: registered before any other
   * singleton, this lease is destroyed after all of them, the data source among them.
   */
  public static void usedBy(ConfigurableApplicationContext context) {
    synchronized (LOCK) {
      openContexts++;
    }
    DisposableBean lease = () -> {
      synchronized (LOCK) {
        openContexts--;
        LOCK.notifyAll();
      }
    };
    if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
      beans.registerDisposableBean("embeddedPostgresLease", lease);
    }
  }

  private static void stopWhenContextsClosed() {
    long deadline = System.nanoTime() + CONTEXTS_CLOSE_WAIT.toNanos();
    synchronized (LOCK) {
      try {
        while (openContexts > 0 && System.nanoTime() < deadline) {
          LOCK.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        server.close();
      } catch (IOException e) {
        // The JVM is exiting; the server's files are in a temporary folder.
      }
    }
  }
}
