package mx.org.iecm.pgd.catalog;

/** A Programa General; action lines are numbered after it (program 3 holds lines 3.1 … 3.6). */
public record Program(String number, String policyNumber, String text) {
}
