package loomlab.ops;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import loomlab.client.CalcClient;
import loomlab.client.EchoClient;
import loomlab.client.TcpExchange;
import loomlab.client.UdpCalcClient;
import loomlab.protocol.calc.CalcRequest;

/**
 * Steady, paced load for the soak run, made with loomlab's own clients: calc requests (one
 * connection each, as the lecture's client), long echo sessions, UDP calc, and a few bad clients
 * (malformed requests, resets) so the error paths run for minutes too. Every answer is checked;
 * what went wrong is counted, never thrown, so the run goes on and the report says it.
 */
final class SoakLoad implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    final LongAdder calcOk = new LongAdder();
    final LongAdder echoOk = new LongAdder();
    final LongAdder udpOk = new LongAdder();
    final LongAdder badSent = new LongAdder();
    final LongAdder failures = new LongAdder();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    private volatile String lastFailure = "";

    /**
     * Starts the workers; {@code perSecond} is the calc rate; the others are fractions of it.
     */
    SoakLoad(InetSocketAddress echo, InetSocketAddress calc, InetSocketAddress udp, int perSecond) {
        String host = calc.getHostString();
        for (int i = 0; i < 4; i++) paced(perSecond / 4.0, () -> calc(host, calc.getPort()));
        for (int i = 0; i < 4; i++) workers.add(Thread.ofVirtual().name("soak-echo-" + i).start(() -> echoSessions(host, echo.getPort(), perSecond / 8.0)));
        paced(perSecond / 4.0, () -> udp(host, udp.getPort()));
        paced(Math.max(1, perSecond / 20.0), () -> bad(calc));
    }

    private void paced(double perSecond, Op op) {
        long every = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        workers.add(Thread.ofVirtual().name("soak").start(() -> {
            long next = System.nanoTime();
            while (!stopping) {
                run(op);
                next += every;
                long wait = next - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait); else next = System.nanoTime(); // pacing, no catching up in bursts
            }
        }));
    }

    private void run(Op op) {
        try {
            op.run();
        } catch (Exception e) {
            if (stopping) return;
            failures.increment();
            lastFailure = e.toString();
        }
    }

    private void calc(String host, int port) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        CalcRequest request = new CalcRequest(BigInteger.valueOf(r.nextLong()), BigInteger.valueOf(r.nextLong()), BigInteger.valueOf(r.nextInt(2)));
        try (TcpExchange exchange = TcpExchange.connect(host, port, TIMEOUT, TIMEOUT)) {
            CalcClient.calc(exchange, request); // checks the result
        }
        calcOk.increment();
    }

    /** Sessions of 100 messages of up to 4 KB on one connection, at {@code perSecond} messages. */
    private void echoSessions(String host, int port, double perSecond) {
        long every = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        long next = System.nanoTime();
        while (!stopping) {
            try (TcpExchange exchange = TcpExchange.connect(host, port, TIMEOUT, TIMEOUT)) {
                for (int i = 0; i < 100 && !stopping; i++) {
                    byte[] message = new byte[1 + ThreadLocalRandom.current().nextInt(4096)];
                    Arrays.fill(message, (byte) ('a' + i % 26));
                    EchoClient.echo(exchange, message); // checks the bytes
                    echoOk.increment();
                    next += every;
                    long wait = next - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait); else next = System.nanoTime();
                }
            } catch (Exception e) {
                if (!stopping) {
                    failures.increment();
                    lastFailure = e.toString();
                }
            }
        }
    }

    private void udp(String host, int port) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        UdpCalcClient.calc(host, port, r.nextLong(1L << 32), r.nextLong(1L << 32), r.nextInt(2), ByteOrder.LITTLE_ENDIAN, TIMEOUT, 3);
        udpOk.increment();
    }

    /** Half a malformed request then a reset, or garbage: each is one error on the server. */
    private void bad(InetSocketAddress calc) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(calc, (int) TIMEOUT.toMillis());
            s.setSoTimeout((int) TIMEOUT.toMillis());
            if (ThreadLocalRandom.current().nextBoolean()) {
                s.getOutputStream().write("not a number\0".getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes(); // the ERROR reply, then the server closes
            } else {
                s.getOutputStream().write("12".getBytes(StandardCharsets.US_ASCII));
                s.setSoLinger(true, 0); // close() sends a reset: a client that crashed mid-request
            }
        }
        badSent.increment();
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        stopping = true;
        for (Thread t : workers) {
            try {
                t.join(TIMEOUT.multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }
}
