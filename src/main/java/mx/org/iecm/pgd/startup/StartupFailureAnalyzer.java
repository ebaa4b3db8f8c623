package mx.org.iecm.pgd.startup;

import java.util.List;
import java.util.stream.Collectors;
import mx.org.iecm.pgd.catalog.CatalogProblem;
import mx.org.iecm.pgd.catalog.InvalidCatalogException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns our start-up refusals into a short Spanish report instead of a stack trace.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidCatalogException invalid) {
        return catalog(invalid.problems(), cause);
      }
      if (cause instanceof MissingSettingsException missing) {
        return settings(missing.problems(), cause);
      }
    }
    return null;
  }

  private static FailureAnalysis catalog(List<CatalogProblem> problems, Throwable cause) {
    String description = "El catálogo del plan tiene " + problems.size()
        + (problems.size() == 1 ? " error" : " errores") + ":\n"
        + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
    return new FailureAnalysis(description,
        "Corrija los archivos indicados (áreas y planes, ubicados por pgd.catalog.areas y pgd.catalog.plans)"
            + " y vuelva a iniciar la aplicación.", cause);
  }

  private static FailureAnalysis settings(List<String> problems, Throwable cause) {
    String description = "Faltan datos de configuración para iniciar:\n"
        + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
    return new FailureAnalysis(description,
        "Defina las variables de entorno de producción (PGD_DB_URL, PGD_DB_USER, PGD_DB_PASSWORD,"
            + " PGD_ADMIN_USER, PGD_ADMIN_PASSWORD; véase README.md), o bien, para probar con datos"
            + " de demostración, inicie con el perfil demo: mvn spring-boot:run", cause);
  }
}
