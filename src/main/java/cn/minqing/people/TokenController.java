package cn.minqing.people;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue, list and revoke one's own API tokens. Only a password sign-in issues tokens: a token cannot mint
 * more (which would outlive its own revocation).
 */
@RestController
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String name, Integer days) {
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(@AuthenticationPrincipal Principal me, Authentication authentication,
                           @RequestBody(required = false) TokenRequest body) {
        if (authentication.getDetails() instanceof ApiTokens.Use) {
            throw cn.minqing.platform.web.ApiException.forbidden("token.byToken");
        }
        TokenRequest request = body == null ? new TokenRequest(null, null) : body;
        return tokens.issue(me.getUsername(), request.name(), request.days() == null ? 90 : request.days());
    }

    @GetMapping("/api/tokens")
    List<ApiTokens.Listed> list(@AuthenticationPrincipal Principal me) {
        return tokens.list(me.getUsername());
    }

    @DeleteMapping("/api/tokens/{id}")
    Map<String, Object> revoke(@AuthenticationPrincipal Principal me, @PathVariable long id) {
        tokens.revoke(me.getUsername(), id);
        return Map.of("revoked", id);
    }

    /** Revokes every token of the caller (as it always has). */
    @DeleteMapping("/api/tokens")
    Map<String, Integer> revokeAll(@AuthenticationPrincipal Principal me) {
        return Map.of("revoked", tokens.revokeAll(me.getUsername()));
    }
}
