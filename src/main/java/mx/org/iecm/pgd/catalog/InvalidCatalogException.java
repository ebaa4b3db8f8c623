package mx.org.iecm.pgd.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog files cannot be used; start-up stops and every problem found is reported.
 */
public class InvalidCatalogException extends RuntimeException {

  private final transient List<CatalogProblem> problems;

  public InvalidCatalogException(List<CatalogProblem> problems) {
    super(problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<CatalogProblem> problems() {
    return problems;
  }
}
