package cn.minqing.people;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issue and revoke one's own API tokens. */
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
    ApiTokens.Issued issue(@AuthenticationPrincipal Principal me, @RequestBody(required = false) TokenRequest body) {
        TokenRequest request = body == null ? new TokenRequest(null, null) : body;
        return tokens.issue(me.getUsername(), request.name(), request.days() == null ? 90 : request.days());
    }

    @DeleteMapping("/api/tokens")
    Map<String, Integer> revoke(@AuthenticationPrincipal Principal me) {
        return Map.of("revoked", tokens.revokeAll(me.getUsername()));
    }
}
