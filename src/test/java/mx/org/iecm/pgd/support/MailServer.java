package mx.org.iecm.pgd.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One in-process SMTP server (GreenMail) per test JVM for the escalation mails.
 */
public final class MailServer {

  private static GreenMail server;

  private MailServer() {
  }

  public static synchronized GreenMail get() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      server.start();
      GreenMail started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-shutdown"));
    }
    return server;
  }
}
