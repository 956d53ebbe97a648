package loomlab.check;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * One UDP socket towards the server under check, connected so that only its datagrams are
 * received and the kernel reports "port unreachable". Every receive waits at most the given time;
 * a datagram of any size is kept whole (up to 64 KiB, the most UDP carries).
 */
final class UdpProbe implements AutoCloseable {

    private final DatagramSocket socket;

    private UdpProbe(DatagramSocket socket) {
        this.socket = socket;
    }

    static UdpProbe open(CheckTarget target) throws IOException {
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.connect(target.socketAddress());
            return new UdpProbe(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one datagram and waits for one reply. */
    static Received exchange(CheckTarget target, byte[] request) {
        try (UdpProbe probe = open(target)) {
            if (!probe.send(request)) return new Received(new byte[0], Received.End.REFUSED, Duration.ZERO);
            return probe.receive(target.timeout());
        } catch (IOException e) {
            return new Received(new byte[0], Received.End.REFUSED, Duration.ZERO);
        }
    }

    /** False when the host said that nothing listens there. */
    boolean send(byte[] datagram) throws IOException {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length));
            return true;
        } catch (PortUnreachableException e) {
            return false;
        }
    }

    /** One datagram (DONE), nothing within {@code within} (TIMEOUT), or "port unreachable" (REFUSED). */
    Received receive(Duration within) throws IOException {
        long start = System.nanoTime();
        byte[] buf = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, within.toMillis())));
        Received.End end;
        try {
            socket.receive(packet);
            end = Received.End.DONE;
        } catch (SocketTimeoutException e) {
            end = Received.End.TIMEOUT;
        } catch (PortUnreachableException e) {
            end = Received.End.REFUSED;
        }
        byte[] got = end == Received.End.DONE ? Arrays.copyOf(buf, packet.getLength()) : new byte[0];
        return new Received(got, end, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        socket.close();
    }
}
