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
import org.springframework.stereotype.Component;

/**
 * Checks user names and passwords against Camunda's identity service (the users managed in Admin);
 * the user's Camunda groups become its authorities.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final VerifiedCredentials verified;

  IdentityServiceAuthenticationProvider(IdentityService identityService,
      @Value("${pgd.security.verified-credentials-ttl:60s}") Duration verifiedCredentialsTtl) {
    this.identityService = identityService;
    this.verified = new VerifiedCredentials(verifiedCredentialsTtl, 10_000);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Usuario o contraseña incorrectos.");
    }
    String password = credentials.toString();
    List<GrantedAuthority> authorities = verified.find(userId, password).orElse(null);
    if (authorities == null) {
      if (!identityService.checkPassword(userId, password)) {
        verified.forget(userId);
        throw new BadCredentialsException("Usuario o contraseña incorrectos.");
      }
      authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId)
          .<GrantedAuthority>map(SimpleGrantedAuthority::new)
          .toList();
      verified.remember(userId, password, authorities);
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
