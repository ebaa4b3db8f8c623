package mx.org.iecm.pgd.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends escalation e-mails through Spring Mail (SMTP settings {@code spring.mail.*}); without an SMTP
 * host configured it only logs, and the escalation is still recorded in the process instance.
 */
@Component
public class EscalationMailer {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationMailer.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;

  public EscalationMailer(ObjectProvider<JavaMailSender> mailSender,
      @Value("${pgd.notification.from:pgd-no-responder@localhost}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  /** Returns whether a mail was handed to the SMTP server. */
  boolean send(List<String> recipients, String subject, String body) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null || recipients.isEmpty()) {
      LOG.warn("Escalation not mailed (SMTP configured: {}, recipients: {}): {}", sender != null, recipients.size(),
          subject);
      return false;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(recipients.toArray(String[]::new));
    message.setSubject(subject);
    message.setText(body);
    sender.send(message);
    return true;
  }
}
