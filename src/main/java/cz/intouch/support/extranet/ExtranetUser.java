package cz.intouch.support.extranet;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A customer logged in to the extranet: a contact of a company, never a Camunda user. {@code contractValid} is
 * evaluated when the account is loaded (at login); downloads check it again.
 */
public record ExtranetUser(long accountId, long contactId, long companyId, String ico, String companyName,
    String fullName, String username, String passwordHash, boolean contractValid)
    implements UserDetails {

  static final String ROLE = "ROLE_EXTRANET_CUSTOMER";

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(ROLE));
  }

  /** Without a password yet, a hash nobody knows the password of: the login fails as slowly as a wrong one. */
  @Override
  public String getPassword() {
    return passwordHash != null ? passwordHash : ExtranetAccounts.NO_PASSWORD_YET;
  }

  @Override
  public String getUsername() {
    return username;
  }

  /** No password yet: the set-password link has not been used. */
  @Override
  public boolean isEnabled() {
    return passwordHash != null;
  }

  @Override
  public String toString() {
    return "ExtranetUser[" + username + "]"; // never the hash
  }
}
