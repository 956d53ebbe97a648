package loomlab.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The students whose clients are wrong, at a steady pace, for the soak run: half send a request
 * that is not a number (and read the ERROR reply), half send part of a request and crash (a reset).
 * Each is exactly one error on the server. What fails on this side is counted, never thrown.
 */
final class BadClients implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    final LongAdder sent = new LongAdder();
    final LongAdder failures = new LongAdder();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile String lastFailure = "";

    BadClients(InetSocketAddress calc, double perSecond) {
        long every = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        thread = Thread.ofVirtual().name("soak-bad-clients").start(() -> {
            long next = System.nanoTime();
            while (!stopping) {
                try {
                    one(calc);
                    sent.increment();
                } catch (IOException e) {
                    failures.increment();
                    lastFailure = e.toString();
                }
                next += every;
                long wait = next - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait); else next = System.nanoTime(); // pacing, no bursts to catch up
            }
        });
    }

    private static void one(InetSocketAddress calc) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(calc, TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            if (ThreadLocalRandom.current().nextBoolean()) {
                s.getOutputStream().write("not a number\0".getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes(); // the ERROR reply, then the server closes
            } else {
                s.getOutputStream().write("12".getBytes(StandardCharsets.US_ASCII));
                s.setSoLinger(true, 0); // close() sends a reset: a client that crashed mid-request
            }
        }
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
    }
}
