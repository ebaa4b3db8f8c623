package mx.org.iecm.pgd.catalog;

/** An Objetivo Estratégico; it may span several programs, and a program may serve two. */
public record Objective(String number, String text) {
}
