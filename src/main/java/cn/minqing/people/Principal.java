package cn.minqing.people;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a Minqing account; {@link #user()} is what services work with. A session keeps the
 * account's {@code securityStamp} from its sign-in and ends when the account's stamp has moved on
 * ({@link AccountStateFilter}); {@code mustChangePassword} holds the account to changing its password first.
 */
public record Principal(CurrentUser user, String passwordHash, boolean enabled, boolean locked, long securityStamp,
                        boolean mustChangePassword) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
