package mx.org.iecm.pgd.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares, so that a test can check that a request
 * costs a bounded number of queries whatever the amount of data.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

  private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);
  private static final ThreadLocal<java.util.List<String>> RECORDED = new ThreadLocal<>();

  /** From now on, this thread's statements are also kept, SQL text included (for profiles). */
  public static void startRecording() {
    RECORDED.set(new java.util.ArrayList<>());
  }

  /** The SQL this thread prepared since {@link #startRecording()}; recording stops. */
  public static java.util.List<String> stopRecording() {
    java.util.List<String> recorded = RECORDED.get();
    RECORDED.remove();
    return recorded == null ? java.util.List.of() : recorded;
  }

  /** Separates a recorded statement's SQL from where it was prepared ({@link #sql}, {@link #origin}). */
  static final String ORIGIN_MARK = "\n-- from ";

  /** The SQL text of a recorded statement. */
  public static String sql(String recorded) {
    int mark = recorded.indexOf(ORIGIN_MARK);
    return mark < 0 ? recorded : recorded.substring(0, mark);
  }

  /** Where a recorded statement was prepared: our first frame, else the engine's command or listener. */
  public static String origin(String recorded) {
    int mark = recorded.indexOf(ORIGIN_MARK);
    return mark < 0 ? "?" : recorded.substring(mark + ORIGIN_MARK.length());
  }

  private static String origin() {
    return StackWalker.getInstance().walk(frames -> {
      java.util.List<StackWalker.StackFrame> all = frames.toList();
      return all.stream()
          .filter(f -> f.getClassName().startsWith("mx.org.iecm.pgd") && !f.getClassName().contains("StatementCounter"))
          .findFirst()
          .or(() -> all.stream()
              .filter(f -> f.getClassName().startsWith("org.camunda.bpm.engine.impl")
                  && f.getClassName().matches(".*(Cmd|Listener|Behavior|Operation[A-Za-z]*)(\\$.*)?"))
              .findFirst())
          .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName() + ":"
              + f.getLineNumber())
          .orElse("?");
    });
  }

  /** Statements prepared by this thread since the last {@link #reset()}. */
  public static int count() {
    return COUNT.get().get();
  }

  public static void reset() {
    COUNT.get().set(0);
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && "dataSource".equals(name) ? new Counting(dataSource) : bean;
      }
    };
  }

  static final class Counting extends DelegatingDataSource {

    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return counting(super.getConnection(user, password));
    }

    private static Connection counting(Connection connection) {
      InvocationHandler handler = (proxy, method, args) -> {
        String name = method.getName();
        if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
          COUNT.get().incrementAndGet();
          java.util.List<String> recorded = RECORDED.get();
          if (recorded != null && args != null && args.length > 0 && args[0] instanceof String sql) {
            recorded.add(sql + ORIGIN_MARK + origin());
          }
        }
        try {
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          handler);
    }
  }
}
