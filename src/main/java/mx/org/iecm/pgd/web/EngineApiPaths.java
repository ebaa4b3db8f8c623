package mx.org.iecm.pgd.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's REST resources are served twice: at {@code /engine-rest} (for integrations) and at
 * {@code /camunda/api/engine/engine/{engine}} (for the webapps). Both carry the same resources; this
 * gives the part after either root ({@code task/42/submit-form}), so that a rule is written once.
 */
public final class EngineApiPaths {

  private static final Pattern ROOT =
      Pattern.compile("/(?:engine-rest|camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+)?/(.+)");

  private EngineApiPaths() {
  }

  public static Optional<String> resource(HttpServletRequest request) {
    Matcher root = ROOT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    // Without trailing slashes, which the engine's REST API ignores: «task/1/claim/» is «task/1/claim».
    return root.matches() ? Optional.of(root.group(1).replaceAll("/+$", "")) : Optional.empty();
  }
}
