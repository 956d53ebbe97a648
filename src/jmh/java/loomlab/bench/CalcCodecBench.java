package loomlab.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import loomlab.protocol.calc.BadCalcRequest;
import loomlab.protocol.calc.CalcNumber;
import loomlab.protocol.calc.CalcReplyEncoder;
import loomlab.protocol.calc.CalcRequest;
import loomlab.protocol.calc.CalcRequestDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The calc codec on the requests the load generator sends ({@code a\0b\0op\0} with a, b below
 * 10^9) and on the cases the lecture's Python server also accepts (spaces, underscores, numbers
 * beyond 64 bits). Run with {@code make bench}; add {@code -prof gc} to see allocation per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalcCodecBench {

    private final byte[] small = ascii("123456789");
    private final byte[] pythonic = ascii("  -1_000_000_007\n");
    private final byte[] big = ascii("123456789012345678901234567890123456789");
    private final byte[] request = ascii("123456789\0" + "987654321\0" + "0\0");
    private final BigInteger result = BigInteger.valueOf(1_111_111_110L);
    private final BigInteger bigResult = new BigInteger("246913578024691357802469135780246913578");

    @Benchmark
    public BigInteger parseSmall() throws BadCalcRequest {
        return CalcNumber.parse(small, 0, small.length, CalcNumber.PYTHON_MAX_DIGITS);
    }

    @Benchmark
    public BigInteger parseWhitespaceAndUnderscores() throws BadCalcRequest {
        return CalcNumber.parse(pythonic, 0, pythonic.length, CalcNumber.PYTHON_MAX_DIGITS);
    }

    @Benchmark
    public BigInteger parseBeyond64Bits() throws BadCalcRequest {
        return CalcNumber.parse(big, 0, big.length, CalcNumber.PYTHON_MAX_DIGITS);
    }

    /** One whole request as it arrives in one read: decode, compute. */
    @Benchmark
    public BigInteger decodeRequest() throws BadCalcRequest {
        CalcRequestDecoder decoder = new CalcRequestDecoder(CalcNumber.PYTHON_MAX_DIGITS);
        decoder.feed(request, 0, request.length);
        CalcRequest r = decoder.request();
        return r.result();
    }

    /** The same request one byte per read: the worst fragmentation a client can produce. */
    @Benchmark
    public BigInteger decodeRequestByteByByte() throws BadCalcRequest {
        CalcRequestDecoder decoder = new CalcRequestDecoder(CalcNumber.PYTHON_MAX_DIGITS);
        for (int i = 0; i < request.length; i++) decoder.feed(request, i, 1);
        return decoder.request().result();
    }

    @Benchmark
    public byte[] formatResult() {
        return CalcReplyEncoder.result(result);
    }

    @Benchmark
    public byte[] formatBigResult() {
        return CalcReplyEncoder.result(bigResult);
    }

    @Benchmark
    public byte[] formatError() {
        return CalcReplyEncoder.error("not a number: \"abc\"");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
