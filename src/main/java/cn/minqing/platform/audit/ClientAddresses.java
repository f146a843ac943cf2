package cn.minqing.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a request came from. {@code X-Forwarded-For} is believed only when the request arrives from one of
 * the configured proxies ({@code minqing.web.trusted-proxies}, addresses or CIDRs; empty by default: never
 * believed); then the nearest address in the header that is not itself a trusted proxy is the client. A
 * malformed header is ignored, never an error; the answer is always a literal IP address of at most 45
 * characters (or the socket's own address, cut to fit).
 */
@Component
public class ClientAddresses {

    public static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddresses(@Value("${minqing.web.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    /** The client of the request being served, or null outside a request (a timer, the demo loader). */
    public String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return null;
    }

    public String of(HttpServletRequest request) {
        String remote = fit(request.getRemoteAddr());
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !isTrusted(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",", 20);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isLiteral(hop)) {
                return remote; // a forged or broken header: believe only the socket
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private boolean isTrusted(String address) {
        if (address == null || !isLiteral(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // an IPv4 matcher asked about an IPv6 address or the reverse: not this proxy
            }
        }
        return false;
    }

    /** An IP literal, so that matching it never asks DNS. */
    static boolean isLiteral(String s) {
        return IPV4.matcher(s).matches() || (s.indexOf(':') >= 0 && IPV6.matcher(s).matches() && parsesAsIpv6(s));
    }

    private static boolean parsesAsIpv6(String s) {
        try {
            java.net.InetAddress.getByName("[" + s + "]");
            return true;
        } catch (java.net.UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    static String fit(String address) {
        return address == null || address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
