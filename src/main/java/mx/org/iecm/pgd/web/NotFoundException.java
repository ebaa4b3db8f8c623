package mx.org.iecm.pgd.web;

/**
 * A resource of ours that does not exist; the message is Spanish and reaches the caller.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
