package mx.org.iecm.pgd.security;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user names and passwords against Camunda's identity service (the users managed in Admin);
 * the user's Camunda groups become its authorities.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final VerifiedCredentials verified;
  private final LoginThrottle throttle;

  IdentityServiceAuthenticationProvider(IdentityService identityService,
      @Value("${pgd.security.verified-credentials-ttl:60s}") Duration verifiedCredentialsTtl, LoginThrottle throttle) {
    this.identityService = identityService;
    this.verified = new VerifiedCredentials(verifiedCredentialsTtl, 10_000);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Usuario o contraseña incorrectos.");
    }
    String password = credentials.toString();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    if (throttle.refuses(userId, address)) {
      // Exactly what a wrong password gets: the refusal does not tell that the account is locked.
      throw new BadCredentialsException("Usuario o contraseña incorrectos.");
    }
    List<GrantedAuthority> authorities = verified.find(userId, password).orElse(null);
    if (authorities == null) {
      if (!identityService.checkPassword(userId, password)) {
        verified.forget(userId);
        throttle.failed(userId, address);
        throw new BadCredentialsException("Usuario o contraseña incorrectos.");
      }
      throttle.succeeded(userId);
      authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId)
          .<GrantedAuthority>map(SimpleGrantedAuthority::new)
          .toList();
      verified.remember(userId, password, authorities);
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /** Forgets the remembered check of a user's password, so that the next API call checks it again. */
  void forget(String userId) {
    verified.forget(userId);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
