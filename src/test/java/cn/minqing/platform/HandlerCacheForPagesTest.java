package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security's handler look-up cache is made for the pages' requests (their MVC matchers read it) and skipped
 * for the API's (issue 16); both chains still decide as before ({@code AuthorizationMatrixTest}).
 */
class HandlerCacheForPagesTest extends ApiTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityChain;

    @Test
    void theApiSkipsTheCacheAndThePagesKeepIt() throws Exception {
        assertThat(cachedWhileServing("/login")).as("a page: the cache is there for its MVC matchers").isTrue();
        assertThat(cachedWhileServing("/api/register")).as("an API path: nothing reads the cache").isFalse();
        assertThat(cachedWhileServing("/open311/v2/services.json")).isFalse();
    }

    @Test
    void bothChainsStillAnswer() {
        assertThat(rest.getForEntity("/login", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/api/me", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as("villager1").getForEntity("/api/me", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/workbench", String.class).getStatusCode().value()).isIn(200, 302);
    }

    /** Whether, once the security chain let the request through, MVC's handler cache was set for it. */
    private boolean cachedWhileServing(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        AtomicReference<Boolean> cached = new AtomicReference<>();
        MockFilterChain end = new MockFilterChain(new jakarta.servlet.http.HttpServlet() { }, (req, res, chain) ->
                cached.set(HandlerMappingIntrospector.CachedResult.getResultFor((HttpServletRequest) req) != null));
        securityChain.doFilter(request, new MockHttpServletResponse(), end);
        assertThat(cached.get()).as("the chain let %s through", path).isNotNull();
        return cached.get();
    }
}
