package loomlab.load.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import loomlab.net.Sockets;

/**
 * The lab scenario's students who are connected and thinking: connections that are opened and
 * then only held, each costing the server whatever a waiting connection costs in its mode.
 */
final class IdleConnections implements AutoCloseable {

    /** Like the load generator: a few hundred connects at a time never overflow the accept queue. */
    private static final int PARALLEL = 256;

    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicInteger failed = new AtomicInteger();

    private IdleConnections() { }

    /**
     * Opens {@code count} connections to the server, spread over the source addresses (none: the
     * OS picks); those that fail are counted, not retried.
     */
    static IdleConnections open(InetSocketAddress server, int count, List<InetAddress> sources, Duration connectTimeout)
            throws InterruptedException {
        IdleConnections idle = new IdleConnections();
        Semaphore slots = new Semaphore(PARALLEL);
        List<Thread> threads = new ArrayList<>(count);
        Thread.Builder builder = Thread.ofVirtual().name("demo-idle-", 0);
        for (int i = 0; i < count; i++) {
            InetAddress source = sources.isEmpty() ? null : sources.get(i % sources.size());
            slots.acquire();
            threads.add(builder.start(() -> {
                try {
                    idle.connect(server, source, connectTimeout);
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread t : threads) t.join();
        return idle;
    }

    private void connect(InetSocketAddress server, InetAddress source, Duration timeout) {
        Socket s = new Socket();
        try {
            if (source != null) s.bind(new InetSocketAddress(source, 0));
            s.connect(server, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            open.add(s);
        } catch (IOException e) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, String.valueOf(e.getMessage()));
            Sockets.closeQuietly(s); // it never connected
        }
    }

    int held() {
        return open.size();
    }

    int failed() {
        return failed.get();
    }

    /** The first connect failure's message, or null. */
    String firstError() {
        return firstError.get();
    }

    @Override
    public void close() {
        Socket s;
        while ((s = open.poll()) != null) Sockets.closeQuietly(s);
    }
}
