package mx.org.iecm.pgd.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

/**
 * The Spanish answer to an error that no controller of ours answered (an unknown route, a method or
 * content type a route does not take, a request the server or the firewall refused): a problem detail
 * for APIs and programs, the error page for a person's browser. {@link WebErrorController} and
 * {@link SpanishErrorReportValve} both answer with it.
 */
public final class WebErrors {

  private WebErrors() {
  }

  /** Whether the answer to a request for {@code path} is JSON: APIs, and clients that do not ask for HTML. */
  public static boolean wantsJson(String path, String accept) {
    if (path != null && (path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/actuator")
        || path.startsWith("/camunda/api/"))) {
      return true;
    }
    return accept == null || !accept.contains("text/html");
  }

  public static boolean wantsJson(HttpServletRequest request, String path) {
    return wantsJson(path, request.getHeader(HttpHeaders.ACCEPT));
  }

  public static String title(int status) {
    return switch (status) {
      case 400 -> "Solicitud no válida";
      case 401 -> "Sin sesión";
      case 403 -> "Sin permiso";
      case 404 -> "No encontrado";
      case 405 -> "Método no permitido";
      case 406 -> "Formato no disponible";
      case 408 -> "Tiempo agotado";
      case 409 -> "Conflicto con el estado actual";
      case 413 -> "Solicitud demasiado grande";
      case 414 -> "Dirección demasiado larga";
      case 415 -> "Tipo de contenido no admitido";
      case 503 -> "Servicio no disponible";
      default -> status < 500 ? "Solicitud no válida" : "Error del servidor";
    };
  }

  public static String detail(int status, String method, String path) {
    String route = path == null || path.isEmpty() ? "" : " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path);
    return switch (status) {
      case 400 -> "La solicitud está mal formada: revise la dirección, sus caracteres, los parámetros y el cuerpo.";
      case 401 -> "Inicie sesión o envíe sus credenciales.";
      case 403 -> "Su usuario no tiene permiso para esta operación.";
      case 404 -> "No existe la ruta" + route + ".";
      case 405 -> "La ruta" + route + " no admite el método " + method + ".";
      case 406 -> "No se puede responder en el formato pedido (encabezado Accept): esta ruta responde JSON.";
      case 408 -> "La solicitud tardó demasiado en llegar completa.";
      case 413 -> "El cuerpo de la solicitud excede el tamaño permitido.";
      case 414 -> "La dirección excede el largo permitido.";
      case 415 -> "El tipo de contenido del cuerpo no es admitido: envíelo como application/json.";
      case 503 -> "El sistema no está disponible en este momento. No se guardó ningún cambio; intente de nuevo en"
          + " unos minutos.";
      default -> status < 500 ? "La solicitud no se puede atender tal como llegó."
          : "Ocurrió un problema en el servidor. Intente de nuevo; si se repite, avise a la administración del sistema.";
    };
  }

  /** A short page for a browser, for errors answered where the page template cannot be used. */
  public static String page(int status) {
    return "<!DOCTYPE html><html lang=\"es-MX\"><head><meta charset=\"UTF-8\"><title>Plan General de Desarrollo"
        + " — aviso</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title(status)) + "</h1><p>"
        + HtmlUtils.htmlEscape(detail(status, null, null)) + "</p><p><a href=\"/login\">Iniciar sesión</a></p></main>"
        + "</body></html>";
  }

  public static ProblemDetail problem(int status, String method, String path) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail(status, method, path));
    problem.setTitle(title(status));
    return problem;
  }
}
