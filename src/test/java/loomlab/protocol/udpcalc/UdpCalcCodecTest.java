package loomlab.protocol.udpcalc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The expected bytes are what Python's struct.pack gives ('III' little-endian on x86, '!III' big). */
class UdpCalcCodecTest {

    private static byte[] answer(ByteOrder order, byte[] request) {
        ByteBuffer reply = ByteBuffer.allocate(8);
        assertTrue(new UdpCalcCodec(order).answer(ByteBuffer.wrap(request), reply));
        byte[] out = new byte[reply.remaining()];
        reply.get(out);
        return out;
    }

    @Test
    void lectureExampleLittleEndian() {
        // struct.pack('III', 10, 500, 0)
        byte[] request = {10, 0, 0, 0, (byte) 0xf4, 1, 0, 0, 0, 0, 0, 0};
        // struct.pack('I', 510)
        assertArrayEquals(new byte[] {(byte) 0xfe, 1, 0, 0}, answer(ByteOrder.LITTLE_ENDIAN, request));
    }

    @Test
    void bigEndianIsNetworkOrder() {
        // struct.pack('!III', 10, 500, 0)
        byte[] request = {0, 0, 0, 10, 0, 0, 1, (byte) 0xf4, 0, 0, 0, 0};
        assertArrayEquals(new byte[] {0, 0, 1, (byte) 0xfe}, answer(ByteOrder.BIG_ENDIAN, request));
    }

    @Test
    void subtractionWrapsModulo2To32() {
        // 10 - 500 = -490 -> 2^32 - 490 = 4294966806 = 0xfffffe16
        byte[] request = {10, 0, 0, 0, (byte) 0xf4, 1, 0, 0, 1, 0, 0, 0};
        assertArrayEquals(new byte[] {0x16, (byte) 0xfe, (byte) 0xff, (byte) 0xff}, answer(ByteOrder.LITTLE_ENDIAN, request));
    }

    @Test
    void additionWrapsModulo2To32() {
        // 0xffffffff + 2 = 1 (mod 2^32)
        byte[] request = {-1, -1, -1, -1, 2, 0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(new byte[] {1, 0, 0, 0}, answer(ByteOrder.LITTLE_ENDIAN, request));
    }

    @Test
    void anyNonZeroOpSubtracts() {
        byte[] request = {9, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, (byte) 0x80}; // op = 2^31
        assertArrayEquals(new byte[] {5, 0, 0, 0}, answer(ByteOrder.LITTLE_ENDIAN, request));
    }

    @Test
    void wrongSizesAreRefusedAndWriteNothing() {
        UdpCalcCodec codec = new UdpCalcCodec(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer reply = ByteBuffer.allocate(4);
        for (int size : new int[] {0, 1, 4, 11, 13, 24, 1024}) {
            reply.clear().put(new byte[] {7, 7, 7, 7}).flip();
            assertFalse(codec.answer(ByteBuffer.allocate(size), reply), "size " + size);
            assertEquals(7, reply.get(0), "reply untouched for size " + size);
        }
    }

    @Test
    void requestAndReplyRoundTripForClients() {
        UdpCalcCodec codec = new UdpCalcCodec(ByteOrder.BIG_ENDIAN);
        ByteBuffer request = codec.request(4_000_000_000L, 1, 1, ByteBuffer.allocate(12));
        ByteBuffer reply = ByteBuffer.allocate(4);
        assertTrue(codec.answer(request, reply));
        assertEquals(3_999_999_999L, codec.reply(reply));
    }
}
