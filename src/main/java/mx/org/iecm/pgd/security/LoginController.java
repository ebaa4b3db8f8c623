package mx.org.iecm.pgd.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one login page of the application; Tasklist, Cockpit and Admin share its session.
 */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
