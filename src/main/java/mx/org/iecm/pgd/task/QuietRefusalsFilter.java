package mx.org.iecm.pgd.task;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps a refused submission (a person's input error, already logged by us in one line with the cycle's
 * key) out of the engine's error log, where the engine would print it with a stack trace as if the
 * engine had failed. Every other engine error is logged as before.
 */
public final class QuietRefusalsFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  /** Installs the filter once into Logback, the logging back end of Spring Boot. */
  public static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(QuietRefusalsFilter.class::isInstance)) {
      QuietRefusalsFilter filter = new QuietRefusalsFilter();
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger.getName().equals(ENGINE_CONTEXT_LOGGER) && refusal(t, params)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean refusal(Throwable t, Object[] params) {
    if (t instanceof SubmissionRefusedException) {
      return true;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof SubmissionRefusedException) {
          return true;
        }
      }
    }
    return false;
  }
}
