package loomlab.load;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import loomlab.protocol.calc.CalcReplyEncoder;
import loomlab.protocol.calc.CalcRequest;

/**
 * The load generator's calc client, as the lecture's client_calc.py (whose counterpart is
 * {@code client/CalcClient}): a new connection per request, {@code a\0b\0op\0} in one write, read
 * up to the first NUL, close. Random a and b, op 0 (add) or 1 (subtract); the
 * answer is checked against what the server's own codec would send. Latency runs from the
 * intended start to the answer, so it includes the connect, as the user of a calc client sees it.
 */
final class CalcLoadClient extends LoadClient {

    /** Room for any answer to our requests, and for a short ERROR text. */
    private static final int REPLY_BUFFER = 256;
    private static final byte[] ERROR_PREFIX = "ERROR".getBytes(StandardCharsets.US_ASCII);

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
                long a = random.nextLong(1_000_000_000L);
                long b = random.nextLong(1_000_000_000L);
                int op = random.nextInt(2);
                byte[] request = (a + "\0" + b + "\0" + op + "\0").getBytes(StandardCharsets.US_ASCII);
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
                    length = link.exchangeUntilNul(request, reply, System.nanoTime());
                } catch (IOException e) {
                    long end = System.nanoTime();
                    pacer.requestEnded(end);
                    failed(Failures.ofRequest(e), e, intended, end);
                    continue;
                }
                long end = System.nanoTime();
                pacer.requestEnded(end);
                check(reply, length, expected(a, b, op), intended, end);
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

    /** The bytes the server must send: exactly what its own encoder produces for this request. */
    static byte[] expected(long a, long b, int op) {
        CalcRequest request = new CalcRequest(BigInteger.valueOf(a), BigInteger.valueOf(b), BigInteger.valueOf(op));
        return CalcReplyEncoder.result(request.result());
    }
}
