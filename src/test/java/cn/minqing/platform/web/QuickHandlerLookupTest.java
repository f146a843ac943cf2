package cn.minqing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The quick look at a path before a mapping's conditions (issue 16) never passes over a mapping that would match: for
 * every path pattern of the app, a path it matches is checked against every mapping; and requests through HTTP still
 * reach the same methods, with percent-encoded paths and the 404/405 answers as before.
 */
class QuickHandlerLookupTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theAppLooksUpItsControllersThisWay() {
        assertThat(mapping).isInstanceOf(QuickHandlerLookup.class);
    }

    @Test
    void noMappingThatMatchesIsPassedOver() {
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        List<String> paths = new ArrayList<>();
        all.keySet().forEach(info -> info.getPatternValues().forEach(p -> paths.add(example(p))));
        paths.addAll(List.of("/", "/api/cases", "/api/cases/", "/a", "/api/tasks/abc/complete", "/open311/v2/services.json"));
        int matched = 0;
        for (String path : paths) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            ServletRequestPathUtils.parseAndCache(request);
            for (RequestMappingInfo info : all.keySet()) {
                if (info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                    matched++;
                    assertThat(QuickHandlerLookup.mayMatch(
                            QuickHandlerLookup.beginnings(info.getPathPatternsCondition().getPatternValues()), path))
                            .as("%s matches %s", path, info).isTrue();
                }
            }
        }
        assertThat(all).as("the app's mappings").hasSizeGreaterThan(150);
        assertThat(matched).as("pattern paths matched by their mappings").isGreaterThanOrEqualTo(all.size());
    }

    @Test
    void literalBeginnings() {
        assertThat(QuickHandlerLookup.beginnings(Set.of("/api/tasks/{id}/complete"))).containsExactly("/api/tasks");
        assertThat(QuickHandlerLookup.beginnings(Set.of("/api/cases"))).containsExactly("/api/cases");
        assertThat(QuickHandlerLookup.beginnings(Set.of("/files/{*rest}"))).containsExactly("/files");
        assertThat(QuickHandlerLookup.beginnings(Set.of("/{x}"))).containsExactly("");
        assertThat(QuickHandlerLookup.beginnings(Set.of("/open311/v2/services.{format}"))).containsExactly("/open311/v2");
        assertThat(QuickHandlerLookup.mayMatch(new String[0], "/anything")).isTrue();
        assertThat(QuickHandlerLookup.mayMatch(new String[] {"/api/tasks"}, "/api/cases/1")).isFalse();
        assertThat(QuickHandlerLookup.mayMatch(new String[] {"/api/tasks", "/api/cases"}, "/api/cases/1")).isTrue();
    }

    @Test
    void httpRequestsReachTheSameMethods() {
        String me = as("villager1").getForObject("/api/me", String.class);
        assertThat(as("villager1").getForObject(raw("/api/%6De"), String.class)).as("a percent-encoded path").isEqualTo(me);
        ResponseEntity<String> plain = as("township1").exchange("/api/tasks/no-such-task/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of()), String.class);
        ResponseEntity<String> encoded = as("township1").exchange(raw("/api/tasks/no-such-t%61sk/complete"), HttpMethod.POST,
                new HttpEntity<>(Map.of()), String.class);
        assertThat(plain.getStatusCode().value()).isBetween(400, 499);
        assertThat(encoded.getStatusCode()).isEqualTo(plain.getStatusCode());
        assertThat(plain.getBody()).as("the task controller answered").contains("没有找到这个任务");
        assertThat(encoded.getBody()).as("the task controller answered").contains("没有找到这个任务");
        assertThat(as("villager1").exchange("/api/me", HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .as("a path known for another method").isEqualTo(405);
        assertThat(as("villager1").getForEntity("/api/no-such-thing/1", String.class).getStatusCode().value()).isEqualTo(404);
    }

    /** A path sent as written (the template handler would encode its {@code %}). */
    private java.net.URI raw(String path) {
        return java.net.URI.create(rest.getRootUri() + path);
    }

    /** A path the pattern matches: each variable or wildcard given a plain value. */
    private static String example(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}:]+:\\\\d\\+}", "12")
                .replaceAll("\\{[^}]+}", "x1").replace("**", "a/b").replace("*", "a").replace("?", "a");
    }
}
