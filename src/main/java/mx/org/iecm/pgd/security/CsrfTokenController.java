package mx.org.iecm.pgd.security;

import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/csrf}: the token a page of the webapps sends with a write to our API on the person's
 * session (the evidence uploads of Tasklist). Only a script of this origin can read it.
 */
@RestController
class CsrfTokenController {

  @GetMapping("/api/csrf")
  Map<String, String> token(CsrfToken token) {
    return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
  }
}
