package loomlab.admin;

import loomlab.config.Protocol;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import loomlab.server.Listener;

/** What the admin outputs need to know about a service besides its counters. */
final class ServiceView {

    /** Quantiles of the latency summary, in /metrics and /status alike. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    /** Their names in /status. */
    static final String[] QUANTILE_KEYS = {"p50", "p90", "p99", "p999"};

    private ServiceView() { }

    static boolean tcp(Listener l) {
        return l.config().transport() == Transport.TCP;
    }

    /** Calc services answer one request at a time, so their service time is a request latency. */
    static boolean timed(Listener l) {
        return l.config().protocol() == Protocol.CALC;
    }

    static String kind(ServiceConfig c) {
        return c.protocol().name().toLowerCase() + "/" + c.transport().name().toLowerCase();
    }
}
