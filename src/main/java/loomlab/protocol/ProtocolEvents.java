package loomlab.protocol;

/**
 * What a protocol reports about its work, so that counters and logs stay outside the codecs.
 * Called once per request or per chunk, never per byte.
 */
public interface ProtocolEvents {

    /** A request was answered (one calc reply, one echoed chunk, one UDP reply). */
    void requestServed(long bytesIn, long bytesOut);

    /**
     * A request was answered, {@code serviceNanos} after the protocol started on it (for calc: from
     * the start of the connection's request to the reply written). Feeds the latency summary.
     */
    default void requestServed(long bytesIn, long bytesOut, long serviceNanos) {
        requestServed(bytesIn, bytesOut);
    }

    /** The peer sent something the protocol rejects; {@code reason} is what the peer was told. */
    void badRequest(String peer, String reason);

    ProtocolEvents NONE = new ProtocolEvents() {
        @Override public void requestServed(long bytesIn, long bytesOut) { }
        @Override public void badRequest(String peer, String reason) { }
    };
}
