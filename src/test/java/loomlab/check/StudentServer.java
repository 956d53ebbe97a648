package loomlab.check;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deliberately buggy server, written in the test the way a student would write it: a TCP
 * server on 127.0.0.1 port 0 with one thread per connection (or one client at a time), or a UDP
 * server. Closing it closes every connection, so a handler stuck in a read or a write ends.
 */
final class StudentServer implements AutoCloseable {

    /** What the server does with one connection (the socket is closed afterwards). */
    interface Handler {
        void serve(Socket client) throws IOException, InterruptedException;
    }

    /** What the UDP server answers to one datagram; null: no answer; throws: the server "crashes". */
    interface DatagramHandler {
        byte[] answer(byte[] request) throws Exception;
    }

    private final AutoCloseable socket;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private StudentServer(AutoCloseable socket, int port) {
        this.socket = socket;
        this.port = port;
    }

    /** One thread per connection, as server_calc_conc.py. */
    static StudentServer tcp(Handler handler) throws IOException {
        return tcp(handler, false);
    }

    /** {@code serial}: one client at a time, as server_calc.py. */
    static StudentServer tcp(Handler handler, boolean serial) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        StudentServer server = new StudentServer(listener, listener.getLocalPort());
        Thread.ofVirtual().name("student-accept").start(() -> {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return; // closed by the test
                }
                server.open.add(client);
                Runnable run = () -> {
                    try (client) {
                        handler.serve(client);
                    } catch (IOException | InterruptedException e) {
                        // the checker went away, or the test is over
                    } catch (RuntimeException crash) {
                        // an uncaught exception in a one-client-at-a-time server ends the server
                        if (serial) server.closeQuietly();
                    } finally {
                        server.open.remove(client);
                    }
                };
                if (serial) {
                    run.run();
                } else {
                    Thread.ofVirtual().name("student-conn").start(run);
                }
            }
        });
        return server;
    }

    /** A UDP server on a platform thread; an exception from the handler ends it, like an uncaught Python error. */
    static StudentServer udp(DatagramHandler handler) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        StudentServer server = new StudentServer(socket, socket.getLocalPort());
        Thread.ofPlatform().daemon().name("student-udp").start(() -> {
            byte[] buf = new byte[1024];
            try (socket) {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] request = java.util.Arrays.copyOf(buf, p.getLength());
                    byte[] reply = handler.answer(request);
                    if (reply != null) socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (Exception e) {
                // closed by the test, or the handler "crashed": the server is gone, its port closed
            }
        });
        return server;
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        socket.close();
        for (Socket s : open) s.close();
    }
}
