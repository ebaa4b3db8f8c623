package mx.org.iecm.pgd.catalog;

/** A Política General: the top level of the plan. */
public record Policy(String number, String text) {
}
