package loomlab.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import loomlab.check.TcpProbe.NotConnected;
import loomlab.check.TcpProbe.Stop;

/**
 * The checks of an echo server (docs/protocol.md, "Echo over TCP"): the lecture's exchange, then
 * what real clients do: one byte per write, several messages on one connection, every byte value,
 * a large payload read while it is written, a half-close; under {@code --strict} a client that
 * vanishes must not take the server down.
 */
final class EchoBattery extends Battery {

    /** What the lecture's client_echo.py sends. */
    static final byte[] LECTURE = "Esto es una cadena \0".getBytes(StandardCharsets.US_ASCII);
    /** The large payload: more than the socket buffers of both directions hold together. */
    static final int LARGE = 1 << 20;

    EchoBattery(CheckTarget target, Messages m, boolean strict) {
        super(target, m, strict);
    }

    @Override
    String protocol() {
        return "echo";
    }

    @Override
    boolean lecture() {
        Received r = TcpProbe.exchange(target, List.of(LECTURE), Stop.atNuls(1), 4096);
        Result res = check("echo.lecture").sent(LECTURE).received(r).expected(m.get("expect.echo.same"));
        if (r.notConnected()) {
            res.fail(ending(r), m.get("hint.unreachable", target.where()));
            return false;
        }
        judge(res, LECTURE, r);
        return true;
    }

    @Override
    void rest() {
        fragments();
        severalMessages();
        binary();
        large();
        halfClose();
        if (strict) vanish();
    }

    private void fragments() {
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : LECTURE) pieces.add(new byte[] {b});
        Received r = TcpProbe.exchange(target, pieces, Stop.atLength(LECTURE.length), 4096);
        judge(check("echo.fragments").sent(LECTURE).received(r).expected(m.get("expect.echo.same")), LECTURE, r);
    }

    private void severalMessages() {
        String[] messages = {"uno\0", "dos dos\0", "tres tres tres\0"};
        Result res = check("echo.several").expected(m.get("expect.echo.several"));
        StringBuilder sent = new StringBuilder();
        try (TcpProbe probe = TcpProbe.connect(target)) {
            byte[] all = new byte[0];
            for (int i = 0; i < messages.length; i++) {
                byte[] msg = messages[i].getBytes(StandardCharsets.US_ASCII);
                sent.append(messages[i]);
                byte[] sentSoFar = sent.toString().getBytes(StandardCharsets.US_ASCII);
                res.sent(sentSoFar);
                if (!probe.send(msg)) {
                    Received reset = new Received(all, Received.End.RESET, Duration.ZERO);
                    res.received(reset).fail(m.get("outcome.echo.stoppedAt", i + 1),
                            m.get(i == 0 ? "hint.echo.reset" : "hint.echo.onlyFirst"));
                    return;
                }
                Received r = probe.read(Stop.atLength(msg.length), 4096, target.timeout());
                all = concat(all, r.bytes());
                Received shown = new Received(all, r.end(), r.after());
                res.received(shown);
                if (r.end() != Received.End.DONE || !Arrays.equals(r.bytes(), msg)) {
                    if (i == 0) {
                        judge(res, msg, shown);
                    } else {
                        res.fail(m.get("outcome.echo.stoppedAt", i + 1), m.get("hint.echo.onlyFirst"));
                    }
                    return;
                }
            }
            res.pass(m.get("outcome.echo.several", messages.length));
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.gone"));
        }
    }

    private void binary() {
        // "bin", a NUL, every byte value from 0x01 to 0xff, a final NUL: 260 bytes.
        byte[] payload = new byte[260];
        payload[0] = 'b';
        payload[1] = 'i';
        payload[2] = 'n';
        for (int v = 1; v <= 0xff; v++) payload[3 + v] = (byte) v;
        Received r = TcpProbe.exchange(target, List.of(payload), Stop.atLength(payload.length), 4096);
        Result res = check("echo.binary").sent(payload).received(r).expected(m.get("expect.echo.same"));
        if (judge(res, payload, r)) return;
        // Closed or reset in the middle, past the NUL: an exception on the bytes above 0x7f is the
        // likely cause (with a reset, what was in flight is lost, so where it stopped is unknown).
        byte[] got = r.bytes();
        boolean prefix = got.length < payload.length && Arrays.equals(got, Arrays.copyOf(payload, got.length));
        boolean pastNul = got.length > 4; // exactly up to the NUL: the stop-at-NUL hint stands
        if (prefix && pastNul && (r.end() == Received.End.RESET || r.end() == Received.End.CLOSED)) {
            res.rehint(m.get("hint.echo.decode"));
        }
    }

    private void large() {
        byte[] payload = new byte[LARGE];
        new Random(11).nextBytes(payload);
        Result res = check("echo.large").sent(payload, payload.length).expected(m.get("expect.echo.large", LARGE));
        try (TcpProbe probe = TcpProbe.connect(target)) {
            // Written from its own thread while this one reads, as a client that reads as it writes;
            // closing the probe ends the writer if the server stops reading.
            Thread writer = Thread.ofVirtual().name("check-large-writer").start(() -> {
                for (int off = 0; off < payload.length; off += 64 * 1024) {
                    if (!probe.send(Arrays.copyOfRange(payload, off, Math.min(payload.length, off + 64 * 1024)))) {
                        return;
                    }
                }
            });
            Received r = probe.read(Stop.atLength(payload.length), payload.length + 1, target.timeout(),
                    target.timeout().multipliedBy(10));
            probe.close();
            join(writer);
            judge(res.received(r), payload, r);
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.gone"));
        }
    }

    private void halfClose() {
        byte[] msg = "adios, medio cierre\0".getBytes(StandardCharsets.US_ASCII);
        Result res = check("echo.half-close").sent(msg).expected(m.get("expect.echo.halfClose"));
        try (TcpProbe probe = TcpProbe.connect(target)) {
            if (!probe.send(msg) || !probe.halfClose()) {
                res.received(probe.resetAfterSend()).fail(m.get("outcome.echo.nothing"), m.get("hint.echo.reset"));
                return;
            }
            Received r = probe.read(Stop.AT_CLOSE, 4096, target.timeout());
            res.received(r);
            if (Arrays.equals(r.bytes(), msg) && r.end() == Received.End.TIMEOUT) {
                res.fail(m.get("outcome.echo.notClosed"), m.get("hint.echo.notClosedAfterEof"));
            } else if (Arrays.equals(r.bytes(), msg) && r.end() == Received.End.RESET) {
                res.fail(m.get("outcome.echo.resetAfterEof"), m.get("hint.echo.reset"));
            } else {
                judge(res, msg, r);
            }
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.gone"));
        }
    }

    /** A client that resets in the middle, another that leaves without reading; then the lecture's exchange. */
    private void vanish() {
        Result res = check("echo.vanish").sent(LECTURE).expected(m.get("expect.stillServes"));
        try (TcpProbe gone = TcpProbe.connect(target)) {
            gone.send("a medias".getBytes(StandardCharsets.US_ASCII));
            gone.reset();
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.gone"));
            return;
        }
        try (TcpProbe leaver = TcpProbe.connect(target)) {
            leaver.send(new byte[16 * 1024]); // fits the socket buffers: never blocks, even on a server that does not read
            leaver.reset();
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.echo.vanish"));
            return;
        }
        Received r = TcpProbe.exchange(target, List.of(LECTURE), Stop.atNuls(1), 4096);
        res.received(r);
        if (Arrays.equals(r.bytes(), LECTURE)) {
            res.pass(m.get("outcome.stillServes"));
        } else {
            res.fail(r.length() == 0 ? m.get("outcome.echo.nothing") : m.get("outcome.echo.short", r.length(), LECTURE.length),
                    m.get("hint.echo.vanish"));
        }
    }

    /**
     * Passes when {@code r} holds exactly {@code expected}, or fails saying where it went wrong
     * and what the likely bug is.
     */
    private boolean judge(Result res, byte[] expected, Received r) {
        byte[] got = r.bytes();
        if (r.notConnected()) return res.fail(ending(r), m.get("hint.gone"));
        int k = 0;
        while (k < got.length && k < expected.length && got[k] == expected[k]) k++;
        if (k == expected.length && got.length == expected.length) {
            return res.pass(m.get("outcome.echo.same", expected.length));
        }
        if (k == expected.length) {
            res.fail(m.get("outcome.echo.extra", got.length, expected.length), m.get("hint.echo.extra"));
        } else if (k < got.length) {
            res.fail(m.get("outcome.echo.differs", k, hex(expected[k]), hex(got[k])),
                    m.get((expected[k] & 0xff) >= 0x80 ? "hint.echo.decode" : "hint.echo.changed"));
        } else if (k == 0) {
            res.fail(m.get("outcome.echo.nothing"), m.get(switch (r.end()) {
                case CLOSED -> "hint.echo.closedWithoutEcho";
                case RESET -> "hint.echo.reset";
                default -> "hint.echo.nothingTimeout";
            }));
        } else {
            String outcome = m.get("outcome.echo.short", k, expected.length);
            if (k == 16) {
                res.fail(outcome, m.get("hint.echo.first16"));
            } else if (expected[k - 1] == 0) {
                res.fail(outcome, m.get("hint.echo.stopAtNul"));
            } else if ((expected[k] & 0xff) >= 0x80 && r.end() != Received.End.TIMEOUT) {
                res.fail(outcome, m.get("hint.echo.decode"));
            } else if (r.end() == Received.End.RESET) {
                res.fail(outcome, m.get("hint.echo.reset"));
            } else {
                res.fail(outcome, m.get("hint.echo.short"));
            }
        }
        return false;
    }

    private static String hex(byte b) {
        return String.format("%02x", b & 0xff);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private void join(Thread writer) {
        try {
            writer.join(target.timeout().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
