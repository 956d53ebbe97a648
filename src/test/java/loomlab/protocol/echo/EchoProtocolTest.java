package loomlab.protocol.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import loomlab.Bytes;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.ScriptedStream;
import org.junit.jupiter.api.Test;

class EchoProtocolTest {

    private final EchoProtocol echo = new EchoProtocol(64 * 1024, ProtocolEvents.NONE);

    @Test
    void lectureMessageComesBackUnchanged() throws IOException {
        byte[] msg = Bytes.ascii("Esto es una cadena \0");
        ScriptedStream s = ScriptedStream.of(msg);
        echo.serve(s);
        assertArrayEquals(msg, s.written());
    }

    @Test
    void binarySafeInAnyFragmentation() throws IOException {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        ScriptedStream s = ScriptedStream.of(slice(data, 0, 1), slice(data, 1, 100_000), slice(data, 100_001, 199_999));
        echo.serve(s);
        assertArrayEquals(data, s.written());
    }

    @Test
    void emptyConnectionWritesNothing() throws IOException {
        ScriptedStream s = ScriptedStream.of();
        echo.serve(s);
        assertEquals(0, s.written().length);
    }

    private static byte[] slice(byte[] data, int from, int len) {
        byte[] out = new byte[len];
        System.arraycopy(data, from, out, 0, len);
        return out;
    }
}
