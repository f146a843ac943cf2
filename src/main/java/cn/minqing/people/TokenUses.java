package cn.minqing.people;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When this instance last wrote a token's {@code last_used_at}: a busy API client would otherwise update its token
 * row (and wait for the commit) with every request. Only the time of noting is kept, never the token.
 */
final class TokenUses {

    private static final int MOST = 10_000;

    private final long everyNanos;
    private final Map<Long, Long> noted = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > MOST;
        }
    };

    TokenUses(Duration every) {
        this.everyNanos = every.toNanos();
    }

    /** True (and from now on noted) when the token's use was not noted here within the interval. */
    synchronized boolean due(long tokenId) {
        long now = System.nanoTime();
        Long last = noted.get(tokenId);
        if (last != null && now - last < everyNanos) {
            return false;
        }
        noted.put(tokenId, now);
        return true;
    }
}
