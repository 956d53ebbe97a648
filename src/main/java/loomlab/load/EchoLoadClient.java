package loomlab.load;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load generator's echo client (the lecture's is {@code client/EchoClient}): it keeps its
 * connection, writes a message, reads it back and compares every byte. Each message differs from the previous one (a per-client offset plus a counter shift every
 * byte), so a server that answers with stale or misplaced bytes is caught. After an error or a
 * mismatch the stream is out of step: the client closes it and connects again.
 */
final class EchoLoadClient extends LoadClient {

    private static final int PRINTABLE = 94;

    EchoLoadClient(int index, LoadContext ctx) {
        super(index, ctx);
    }

    @Override
    void loop() throws InterruptedException {
        int size = ctx.settings.messageSize();
        byte[] sent = new byte[size];
        byte[] received = new byte[size];
        int offset = ThreadLocalRandom.current().nextInt(PRINTABLE);
        long sequence = 0;
        TcpLink link = null;
        Pacer pacer = null;
        boolean closedLoop = false;
        try {
            while (!ctx.stopping()) {
                if (link == null) {
                    link = connect();
                    if (link == null) continue;
                }
                if (pacer == null) {
                    pacer = startSending();
                    closedLoop = pacer.closedLoop();
                }
                long intended = pacer.awaitNext();
                if (ctx.stopping()) break;
                fill(sent, offset, sequence++);
                // In a closed loop the request goes out at its intended start: no second clock read.
                long sentAt = closedLoop ? intended : System.nanoTime();
                try {
                    link.exchange(sent, received, size, sentAt);
                } catch (IOException e) {
                    long end = System.nanoTime();
                    pacer.requestEnded(end);
                    failed(Failures.ofRequest(e), e, intended, end);
                    link = drop(link);
                    continue;
                }
                long end = System.nanoTime();
                pacer.requestEnded(end);
                if (Arrays.equals(sent, received)) {
                    answered(intended, end);
                } else {
                    mismatch();
                    link = drop(link);
                }
            }
        } finally {
            if (link != null) drop(link);
        }
    }

    private TcpLink connect() throws InterruptedException {
        try {
            TcpLink link = TcpLink.open(ctx, index);
            everConnected = true;
            ctx.stats.clientUp();
            return link;
        } catch (IOException e) {
            long now = System.nanoTime();
            failed(Failures.ofConnect(e), e, now, now);
            backOff();
            return null;
        } finally {
            signalReady();
        }
    }

    private TcpLink drop(TcpLink link) {
        link.close();
        ctx.stats.clientDown();
        return null;
    }

    /** Printable ASCII ('!' to '~'), shifted by the sequence number: no two messages in a row alike. */
    static void fill(byte[] buf, int offset, long sequence) {
        int c = (int) ((offset + sequence) % PRINTABLE);
        for (int i = 0; i < buf.length; i++) {
            buf[i] = (byte) ('!' + c);
            if (++c == PRINTABLE) c = 0; // no division per byte
        }
    }
}
