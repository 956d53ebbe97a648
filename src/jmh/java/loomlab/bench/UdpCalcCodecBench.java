package loomlab.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import loomlab.protocol.udpcalc.UdpCalcCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link UdpCalcCodec#answer} as the UDP listener calls it: direct buffers allocated once, one
 * 12-byte request in, one 4-byte reply out, in both byte orders. Expected: a few nanoseconds and
 * no allocation ({@code -prof gc} shows 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UdpCalcCodecBench {

    @Param({"little", "big"})
    public String order;

    private UdpCalcCodec codec;
    private ByteBuffer request;
    private ByteBuffer reply;

    @Setup
    public void setUp() {
        codec = new UdpCalcCodec(order.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        request = ByteBuffer.allocateDirect(2048);
        reply = ByteBuffer.allocateDirect(UdpCalcCodec.REPLY_SIZE);
        codec.request(1_000_000_007L, 123_456_789L, 1, request);
    }

    @Benchmark
    public ByteBuffer answer() {
        request.position(0).limit(UdpCalcCodec.REQUEST_SIZE);
        codec.answer(request, reply);
        return reply;
    }
}
