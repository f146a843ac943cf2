package cn.minqing.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Lets an admin signed in to Minqing into Camunda's webapps as themselves: Camunda only accepts users of
 * its identity store, so the admin is added there on first visit (member of camunda-admin, with a random
 * password nobody knows). Anyone else gets nothing; Spring Security has already refused them.
 * Public with a public constructor: Camunda's filter instantiates it by class name.
 */
public class CamundaSignOnProvider extends ContainerBasedAuthenticationProvider {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated() || !request.isUserInRole("ADMIN")) {
            return AuthenticationResult.unsuccessful();
        }
        ensureCamundaAdmin(engine.getIdentityService(), result.getAuthenticatedUser());
        result.setGroups(List.of(Groups.CAMUNDA_ADMIN));
        return result;
    }

    private static synchronized void ensureCamundaAdmin(IdentityService identity, String userId) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            var user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("(Minqing)");
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret)); // never used: sign-in is Minqing's
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
        }
    }
}
