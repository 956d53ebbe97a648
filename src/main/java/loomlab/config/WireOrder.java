package loomlab.config;

import java.nio.ByteOrder;

/** Byte order of the UDP calc integers. */
public enum WireOrder {
    /** What Python's {@code struct.pack('III', ...)} sends on x86: the default. */
    LITTLE(ByteOrder.LITTLE_ENDIAN),
    /** Network order: what a C client using {@code htonl} sends. */
    BIG(ByteOrder.BIG_ENDIAN);

    private final ByteOrder order;

    WireOrder(ByteOrder order) {
        this.order = order;
    }

    public ByteOrder byteOrder() {
        return order;
    }
}
