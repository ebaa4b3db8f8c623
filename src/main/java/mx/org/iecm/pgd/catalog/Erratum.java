package mx.org.iecm.pgd.catalog;

/**
 * An obvious typo in the source text, recorded beside the verbatim text instead of changing it.
 *
 * @param original the words as the source has them
 * @param correction the words as they were meant
 * @param note why, in Spanish
 */
public record Erratum(String original, String correction, String note) {
}
