package loomlab.load;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import loomlab.protocol.calc.CalcClientCodec;
import loomlab.protocol.calc.CalcReplyEncoder;
import loomlab.protocol.calc.CalcRequest;

/**
 * The load generator's calc client, as the lecture's client_calc.py (whose counterpart is
 * {@code client/CalcClient}): a new connection per request, {@code a\0b\0op\0} in one write, read
 * up to the first NUL, close. Random a and b, op 0 (add) or 1 (subtract); the
 * answer is checked against what the server's own codec would send. Latency runs from the
 * intended start to the answer, so it includes the connect, as the user of a calc client sees it.
 *
 * <p>The requests are made once, when the class loads, by the calc client's encoder
 * ({@link CalcClientCodec#request}, the one the lecture's client uses), each with the reply the
 * server's encoder gives it; a request only picks one of them at random, so the hot path builds
 * no text and allocates nothing.
 */
final class CalcLoadClient extends LoadClient {

    /** Room for any answer to our requests, and for a short ERROR text. */
    private static final int REPLY_BUFFER = 256;
    private static final byte[] ERROR_PREFIX = "ERROR".getBytes(StandardCharsets.US_ASCII);
    /** 1,024 random requests and their replies, shared by every client: about 100 KB. */
    private static final Sample[] SAMPLES = samples(1024);

    /** A request's bytes and the bytes the server must answer to it (the result and two NULs). */
    record Sample(byte[] request, byte[] expected) { }

    CalcLoadClient(int index, LoadContext ctx) {
        super(index, ctx);
    }

    @Override
    void loop() throws InterruptedException {
        Pacer pacer = startSending();
        ctx.stats.clientUp();
        byte[] reply = new byte[REPLY_BUFFER];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (!ctx.stopping()) {
                long intended = pacer.awaitNext();
                if (ctx.stopping()) break;
                Sample sample = SAMPLES[random.nextInt(SAMPLES.length)];
                TcpLink link;
                try {
                    link = TcpLink.open(ctx, index);
                    everConnected = true;
                } catch (IOException e) {
                    long end = System.nanoTime();
                    pacer.requestEnded(end);
                    failed(Failures.ofConnect(e), e, intended, end);
                    backOff();
                    continue;
                }
                int length;
                try (link) {
                    length = link.exchangeUntilNul(sample.request(), reply, System.nanoTime());
                } catch (IOException e) {
                    long end = System.nanoTime();
                    pacer.requestEnded(end);
                    failed(Failures.ofRequest(e), e, intended, end);
                    continue;
                }
                long end = System.nanoTime();
                pacer.requestEnded(end);
                check(reply, length, sample.expected(), intended, end);
            }
        } finally {
            ctx.stats.clientDown();
        }
    }

    private void check(byte[] reply, int length, byte[] expected, long intended, long end) {
        // expected is result + "\0\0"; we read up to the first NUL.
        if (length == expected.length - 2 && Arrays.equals(reply, 0, length, expected, 0, length)) {
            answered(intended, end);
        } else if (length >= ERROR_PREFIX.length && Arrays.equals(reply, 0, ERROR_PREFIX.length, ERROR_PREFIX, 0, ERROR_PREFIX.length)) {
            failed(ErrorKind.SERVER_ERROR, new String(reply, 0, length, StandardCharsets.US_ASCII), intended, end);
        } else {
            mismatch();
        }
    }

    /** a and b from 0 to 10^9, op 0 (add) or 1 (subtract); the reply exactly what the server's own encoder produces. */
    static Sample[] samples(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Sample[] samples = new Sample[count];
        for (int i = 0; i < count; i++) {
            CalcRequest r = new CalcRequest(BigInteger.valueOf(random.nextLong(1_000_000_000L)),
                    BigInteger.valueOf(random.nextLong(1_000_000_000L)), BigInteger.valueOf(random.nextInt(2)));
            samples[i] = new Sample(CalcClientCodec.request(r.a(), r.b(), r.op()), CalcReplyEncoder.result(r.result()));
        }
        return samples;
    }
}
