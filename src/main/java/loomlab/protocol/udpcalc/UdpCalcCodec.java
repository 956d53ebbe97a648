package loomlab.protocol.udpcalc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The lecture's UDP calc: a request is exactly 12 bytes, three unsigned 32-bit integers
 * {@code a, b, op} ({@code struct.pack('III', ...)}), the reply 4 bytes, {@code a + b} when
 * {@code op == 0} else {@code a - b}, modulo 2^32, in the same byte order.
 */
public final class UdpCalcCodec {

    public static final int REQUEST_SIZE = 12;
    public static final int REPLY_SIZE = 4;

    private final ByteOrder order;

    public UdpCalcCodec(ByteOrder order) {
        this.order = order;
    }

    public ByteOrder order() {
        return order;
    }

    /**
     * Reads the request between {@code request}'s position and limit and writes the reply into
     * {@code reply} (cleared first, flipped after). Returns false, writing nothing, when the
     * request is not exactly {@value #REQUEST_SIZE} bytes. Allocates nothing.
     */
    public boolean answer(ByteBuffer request, ByteBuffer reply) {
        if (request.remaining() != REQUEST_SIZE) return false;
        int base = request.position();
        request.order(order);
        int a = request.getInt(base);
        int b = request.getInt(base + 4);
        int op = request.getInt(base + 8);
        reply.clear();
        reply.order(order).putInt(compute(a, b, op)).flip();
        return true;
    }

    /** Unsigned 32-bit arithmetic is two's-complement int arithmetic: overflow wraps mod 2^32. */
    public static int compute(int a, int b, int op) {
        return op == 0 ? a + b : a - b;
    }

    /** Encodes a request, for clients and the load generator. */
    public ByteBuffer request(long a, long b, long op, ByteBuffer into) {
        into.clear();
        into.order(order).putInt((int) a).putInt((int) b).putInt((int) op).flip();
        return into;
    }

    /** Decodes a reply as the unsigned value Python's {@code struct.unpack('I', ...)} gives. */
    public long reply(ByteBuffer reply) {
        return Integer.toUnsignedLong(reply.order(order).getInt(reply.position()));
    }
}
