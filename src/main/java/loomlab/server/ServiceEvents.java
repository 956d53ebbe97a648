package loomlab.server;

import java.lang.System.Logger.Level;
import loomlab.log.Logging;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ServiceStats;
import loomlab.protocol.ProtocolEvents;

/** What a protocol reports, turned into a service's counters and warnings. */
final class ServiceEvents implements ProtocolEvents {

    private final ServiceStats stats;
    private final RateLimitedLog badRequests;

    ServiceEvents(String service, ServiceStats stats) {
        this.stats = stats;
        // One warning per bad request, as long as they are rare; a flood is summarised.
        this.badRequests = new RateLimitedLog(Logging.service(service), Level.WARNING, 100);
    }

    @Override
    public void requestServed(long bytesIn, long bytesOut) {
        stats.request(bytesIn, bytesOut);
    }

    @Override
    public void requestServed(long bytesIn, long bytesOut, long serviceNanos) {
        stats.request(bytesIn, bytesOut, serviceNanos);
    }

    @Override
    public void badRequest(String peer, String reason) {
        stats.error();
        badRequests.log(() -> "bad request from " + peer + ": " + reason);
    }
}
