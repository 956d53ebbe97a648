package loomlab.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Concurrent connections per client address, so that one student's runaway client cannot take
 * every slot of a shared lab server. Zero means no limit (and no bookkeeping at all).
 */
final class ClientLimit {

    private final int max;
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    ClientLimit(int max) {
        this.max = max;
    }

    /** The most connections one client may hold at once (0: no limit). */
    int max() {
        return max;
    }

    boolean enabled() {
        return max > 0;
    }

    boolean tryAcquire(String client) {
        boolean[] ok = {false};
        counts.compute(client, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) return n;
            ok[0] = true;
            return current + 1;
        });
        return ok[0];
    }

    void release(String client) {
        counts.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }
}
