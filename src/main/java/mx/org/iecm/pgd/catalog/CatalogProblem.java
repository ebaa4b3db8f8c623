package mx.org.iecm.pgd.catalog;

/**
 * One thing wrong in a catalog file, told in Spanish: which file, which entry, what is wrong.
 */
public record CatalogProblem(String file, String entry, String message) {

  @Override
  public String toString() {
    return file + " — " + entry + ": " + message;
  }
}
