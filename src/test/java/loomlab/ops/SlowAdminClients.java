package loomlab.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients of issue 16 against the admin endpoint: the slow ones send the head of a request one
 * byte every half second and never finish it; the idle ones connect and send nothing. Each
 * connects on its own virtual thread, so those the server does not take yet wait in its backlog
 * (or in the kernel's SYN retries) as real ones would. Whatever fails on this side is ignored.
 */
final class SlowAdminClients implements AutoCloseable {

    private static final byte[] HEAD = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
    private static final long BYTE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    SlowAdminClients(InetSocketAddress admin, int slow, int idle) {
        for (int i = 0; i < slow + idle; i++) {
            boolean trickle = i < slow;
            threads.add(Thread.ofVirtual().name("slow-admin-client").start(() -> run(admin, trickle)));
        }
    }

    private void run(InetSocketAddress admin, boolean trickle) {
        try (Socket s = new Socket()) {
            sockets.add(s);
            if (closed) return;
            s.connect(admin, 60_000);
            OutputStream out = s.getOutputStream();
            for (int sent = 0; trickle && !closed; sent++) {
                out.write(sent < HEAD.length ? HEAD[sent] : 'a'); // pacing a client, not waiting for a state
                LockSupport.parkNanos(BYTE_EVERY_NANOS);
            }
            while (!closed) LockSupport.parkNanos(BYTE_EVERY_NANOS);
        } catch (IOException e) {
            // cut by the server, or closed by close(): what these clients are for
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        for (Thread t : threads) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
