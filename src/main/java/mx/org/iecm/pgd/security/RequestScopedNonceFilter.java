package mx.org.iecm.pgd.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Content-Security-Policy nonce of the Camunda webapps to the request it was made for.
 *
 * <p>Camunda 7.24's header filter keeps the nonce of each response in a servlet-context attribute, shared
 * by every request, and the webapps' index page reads it back from there. When two requests overlap, a
 * page can carry the nonce of another response: the browser then refuses every script of the page and
 * Tasklist or Cockpit stays on its loading spinner until the person reloads. (Operaton, the open fork,
 * scopes the nonce to the request since operaton/operaton#3515.)
 *
 * <p>This filter hands the webapps a view of the servlet context in which that one attribute lives in
 * the request; everything else goes to the real servlet context.
 */
final class RequestScopedNonceFilter extends OncePerRequestFilter {

  /** The attribute through which Camunda's header filter passes the nonce to the index page. */
  static final String NONCE_ATTRIBUTE = "org.camunda.bpm.csp.nonce";
  private static final Set<String> ATTRIBUTE_METHODS = Set.of("getAttribute", "setAttribute", "removeAttribute");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new NonceScopedRequest(request), response);
  }

  private static final class NonceScopedRequest extends HttpServletRequestWrapper {

    private final ServletContext context;

    NonceScopedRequest(HttpServletRequest request) {
      super(request);
      context = scopedContext(request.getServletContext(), request);
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }
  }

  static ServletContext scopedContext(ServletContext shared, HttpServletRequest request) {
    return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
        new Class<?>[] {ServletContext.class}, (proxy, method, arguments) -> {
          if (ATTRIBUTE_METHODS.contains(method.getName()) && NONCE_ATTRIBUTE.equals(arguments[0])) {
            return switch (method.getName()) {
              case "getAttribute" -> request.getAttribute(NONCE_ATTRIBUTE);
              case "setAttribute" -> {
                request.setAttribute(NONCE_ATTRIBUTE, arguments[1]);
                yield null;
              }
              default -> {
                request.removeAttribute(NONCE_ATTRIBUTE);
                yield null;
              }
            };
          }
          try {
            return method.invoke(shared, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
