package cn.minqing.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's look-up of a request's controller method, with a cheap look at the path before each mapping's conditions.
 * A path with a variable ({@code /api/tasks/{id}/complete}) has no direct entry, so Spring tries every mapping of the
 * app (some 250) in turn, and each try asks the request for its method and CORS headers through the security filters'
 * wrappers: 9 % of the app's CPU under load (issue 16's profile, 13th session). Here a mapping whose paths' literal
 * beginnings (up to the last {@code /} before a variable or wildcard) the path does not start with is passed over
 * before those questions; every other mapping is tried as before, so the chosen method, its variables and the
 * 404/405/406/415 answers stay Spring's (those come from all mappings, untouched). A path holding {@code %} is looked
 * up the plain way: Spring matches decoded segments, the beginnings here are compared undecoded.
 */
public class QuickHandlerLookup extends RequestMappingHandlerMapping {

    private static final ThreadLocal<String> PATH = new ThreadLocal<>();
    private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = PATH.get();
        PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                PATH.remove();
            } else {
                PATH.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = PATH.get();
        if (path != null && !mayMatch(beginnings.computeIfAbsent(info, QuickHandlerLookup::beginnings), path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** Whether a path may match a mapping with these literal beginnings (none known: it may). */
    static boolean mayMatch(String[] beginnings, String path) {
        if (beginnings.length == 0) {
            return true;
        }
        for (String b : beginnings) {
            if (path.startsWith(b)) {
                return true;
            }
        }
        return false;
    }

    private static String[] beginnings(RequestMappingInfo info) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        return patterns == null ? new String[0] : beginnings(patterns.getPatternValues());
    }

    /**
     * Each pattern's literal beginning: all of it without a variable or wildcard, else up to (not including) the last
     * {@code /} before the first one ({@code /a/{*rest}} also matches {@code /a}). An empty beginning means any path.
     */
    static String[] beginnings(Set<String> patterns) {
        if (patterns.isEmpty()) {
            return new String[0];
        }
        return patterns.stream().map(p -> {
            int special = indexOfSpecial(p);
            if (special < 0) {
                return p;
            }
            int slash = p.lastIndexOf('/', special);
            return slash <= 0 ? "" : p.substring(0, slash);
        }).distinct().toArray(String[]::new);
    }

    private static int indexOfSpecial(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** Spring Boot builds its request mapping with this class. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        WebMvcRegistrations quickHandlerLookup() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new QuickHandlerLookup();
                }
            };
        }
    }
}
