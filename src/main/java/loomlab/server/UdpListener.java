package loomlab.server;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Optional;
import loomlab.config.ServiceConfig;
import loomlab.log.Logging;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ServiceStats;
import loomlab.net.Sockets;
import loomlab.protocol.udpcalc.UdpCalcCodec;

/**
 * The UDP calc service: one receive loop on a platform thread with a blocking DatagramChannel.
 * A platform thread because a virtual thread blocked in {@code DatagramSocket.receive} held its
 * carrier on JDK 21; one loop because answering a datagram takes less time than handing it to
 * another thread. Buffers are allocated once; nothing per datagram.
 */
public final class UdpListener implements Listener {

    private final ServiceConfig config;
    private final UdpCalcCodec codec;
    private final ServiceStats stats;
    private final Logger log;
    private final DatagramChannel channel;
    private final InetSocketAddress address;
    private final RateLimitedLog dropLog;
    /** The service's trace when {@code trace} is on, else null. */
    private final Tracing tracing;
    private volatile boolean stopping;
    private Thread loop;

    public UdpListener(ServiceConfig config, UdpCalcCodec codec, ServiceStats stats) throws IOException {
        this.config = config;
        this.codec = codec;
        this.stats = stats;
        this.log = Logging.service(config.name());
        this.dropLog = new RateLimitedLog(log, Level.WARNING, 5_000);
        this.tracing = config.trace() ? new Tracing(config.name(), log) : null;
        InetSocketAddress bindTo = Endpoints.resolve(config.host(), config.port());
        DatagramChannel ch = bindTo.getAddress() instanceof java.net.Inet6Address
                ? DatagramChannel.open(StandardProtocolFamily.INET6)
                : DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            ch.bind(bindTo);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        this.channel = ch;
        this.address = (InetSocketAddress) ch.getLocalAddress();
    }

    @Override public ServiceConfig config() { return config; }
    @Override public InetSocketAddress address() { return address; }
    @Override public ServiceStats stats() { return stats; }
    @Override public Optional<TraceRing> traces() { return Optional.ofNullable(tracing).map(Tracing::ring); }

    @Override
    public void start() {
        loop = Thread.ofPlatform().name(config.name() + "-receive").daemon(true).start(this::receiveLoop);
    }

    private void receiveLoop() {
        // Larger than any request, so an oversized datagram shows up as oversized, not truncated to 12.
        ByteBuffer request = ByteBuffer.allocateDirect(2048);
        ByteBuffer reply = ByteBuffer.allocateDirect(UdpCalcCodec.REPLY_SIZE);
        while (!stopping) {
            try {
                request.clear();
                SocketAddress from = channel.receive(request);
                long received = System.nanoTime();
                request.flip();
                if (codec.answer(request, reply)) {
                    channel.send(reply, from);
                    long took = System.nanoTime() - received;
                    stats.request(UdpCalcCodec.REQUEST_SIZE, UdpCalcCodec.REPLY_SIZE, took);
                    if (tracing != null) trace(from, request, reply, null, took);
                } else {
                    stats.error();
                    int size = request.remaining();
                    dropLog.log(() -> "dropped a datagram of " + size + " bytes from "
                            + Sockets.describe((InetSocketAddress) from) + ": a request is exactly "
                            + UdpCalcCodec.REQUEST_SIZE + " bytes (" + stats.errors() + " dropped so far)");
                    if (tracing != null) {
                        trace(from, request, null, "dropped: a request is exactly " + UdpCalcCodec.REQUEST_SIZE
                                + " bytes, this datagram has " + size, System.nanoTime() - received);
                    }
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // e.g. ICMP port unreachable from a client that left; the loop must never die.
                if (stopping) return;
                stats.error();
                dropLog.log(() -> "receive/send failed: " + e);
            }
        }
    }

    /** A traced datagram; the request buffer's position is where the codec left it, so it is reset first. */
    private void trace(SocketAddress from, ByteBuffer request, ByteBuffer reply, String reason, long nanos) {
        try {
            request.position(0);
            tracing.datagram((InetSocketAddress) from, request, reply, reason, System.currentTimeMillis() - nanos / 1_000_000, nanos);
        } catch (RuntimeException e) {
            dropLog.log(() -> "could not record the trace of a datagram: " + e);
        }
    }

    @Override
    public boolean running() {
        return !stopping && loop != null && loop.isAlive();
    }

    @Override
    public void shutdown(long deadlineNanos) {
        close();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return loop == null || loop.join(timeout);
    }

    @Override
    public void close() {
        stopping = true;
        Sockets.closeQuietly(channel);
    }
}
