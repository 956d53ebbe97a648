package loomlab.check;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loomlab.check.TcpProbe.NotConnected;
import loomlab.check.TcpProbe.Stop;
import loomlab.protocol.calc.BadCalcRequest;
import loomlab.protocol.calc.CalcClientCodec;
import loomlab.protocol.calc.CalcClientCodec.Reply;
import loomlab.protocol.calc.CalcNumber;
import loomlab.protocol.calc.CalcRequest;

/**
 * The checks of a TCP calc server (docs/protocol.md, "Calc over TCP"): the lecture's exchange in
 * its six writes, other fragmentations, negative and big numbers, every form Python's
 * {@code int(text, 10)} accepts, the exact reply (the result, two NULs, close), and whether a
 * second client is served while a first one stalls. Under {@code --strict}: bad input, and clients
 * that vanish mid-request, must leave the server serving.
 */
final class CalcBattery extends Battery {

    /** A reply longer than this is not a calc reply; reading stops there. */
    static final int CAP = 64 * 1024;
    static final CalcRequest LECTURE = request(5, 8, 1);

    private final ServerKind expect;

    /** {@code expect} null: report the kind without grading it. */
    CalcBattery(CheckTarget target, Messages m, boolean strict, ServerKind expect) {
        super(target, m, strict);
        this.expect = expect;
    }

    @Override
    String protocol() {
        return "calc";
    }

    @Override
    boolean lecture() {
        // client_calc.py: six sendall calls, a=5, b=8, op=1.
        List<byte[]> pieces = new ArrayList<>();
        for (String piece : new String[] {"5", "\0", "8", "\0", "1", "\0"}) pieces.add(ascii(piece));
        byte[] request = encode(LECTURE);
        Received r = TcpProbe.exchange(target, pieces, Stop.atNuls(1), CAP);
        Result res = check("calc.lecture").sent(request).received(r).expected(m.get("expect.calc.result", LECTURE.result()));
        if (r.notConnected()) {
            res.fail(ending(r), m.get("hint.unreachable", target.where()));
            return false;
        }
        if (!judge(res, LECTURE, r, null) && !answered(r)) {
            // Would it have answered the same request in one piece? Then fragmentation is the bug.
            Received whole = TcpProbe.exchange(target, List.of(request), Stop.atNuls(1), CAP);
            if (rightResult(whole, LECTURE)) res.rehint(m.get("hint.calc.oneRecv"));
        }
        return true;
    }

    @Override
    void rest() {
        exchange("calc.one-write", LECTURE, List.of(encode(LECTURE)), null);
        CalcRequest bytewise = request(100, 1, 1);
        List<byte[]> bytes = new ArrayList<>();
        for (byte b : encode(bytewise)) bytes.add(new byte[] {b});
        exchange("calc.bytewise", bytewise, bytes, "hint.calc.oneRecv");
        CalcRequest add = request(12, 30, 0);
        exchange("calc.add", add, List.of(encode(add)), null);
        CalcRequest negative = request(3, 10, 1);
        exchange("calc.negative-result", negative, List.of(encode(negative)), null);
        CalcRequest negatives = request(-5, -8, 0);
        exchange("calc.negative-input", negatives, List.of(encode(negatives)), "hint.calc.negativeInput");
        CalcRequest big = new CalcRequest(new BigInteger("123456789012345678901234567890"),
                new BigInteger("987654321098765432109876543210"), BigInteger.ZERO);
        exchange("calc.big", big, List.of(encode(big)), "hint.calc.big");
        textual("calc.leading-zeros", "007", "0003", "0");
        textual("calc.python-forms", " 1_000\n", "+8", "\t0 ");
        CalcRequest op = request(20, 5, 7);
        exchange("calc.op-nonzero", op, List.of(encode(op)), "hint.calc.opNonzero");
        replyFormat();
        concurrency();
        if (strict) {
            afterBadClient("calc.bad-number", ascii("abc\0" + "8\0" + "0\0"), false, "hint.calc.badNumber");
            afterBadClient("calc.closed-mid-request", ascii("5\0" + "8"), false, "hint.calc.closedMidRequest");
            afterBadClient("calc.reset-mid-request", ascii("5\0" + "8"), true, "hint.calc.resetMidRequest");
        }
    }

    /** One request, its result up to the first NUL (what the lecture's client reads). */
    private void exchange(String id, CalcRequest request, List<byte[]> pieces, String hintKey) {
        Received r = TcpProbe.exchange(target, pieces, Stop.atNuls(1), CAP);
        Result res = check(id).sent(encode(request)).received(r).expected(m.get("expect.calc.result", request.result()));
        judge(res, request, r, hintKey == null ? null : m.get(hintKey));
    }

    /** A request written as text (leading zeros, signs, spaces, underscores), read as int(text, 10) reads it. */
    private void textual(String id, String a, String b, String op) {
        CalcRequest request = new CalcRequest(parse(a), parse(b), parse(op));
        byte[] bytes = ascii(a + "\0" + b + "\0" + op + "\0");
        Received r = TcpProbe.exchange(target, List.of(bytes), Stop.atNuls(1), CAP);
        Result res = check(id).sent(bytes).received(r).expected(m.get("expect.calc.result", request.result()));
        judge(res, request, r, m.get("hint.calc.pythonForms"));
    }

    /** The lecture's reply, whole: the result, two NULs, then the server closes. */
    private void replyFormat() {
        byte[] request = encode(LECTURE);
        byte[] expected = ascii(LECTURE.result() + "\0\0");
        TcpProbe.Stop stop = Stop.AT_CLOSE;
        Received r = TcpProbe.exchange(target, List.of(request), stop, CAP);
        Result res = check("calc.reply-format").sent(request).received(r)
                .expected(m.get("expect.calc.format", ShownBytes.text(expected)));
        if (!rightResult(r, LECTURE)) {
            judge(res, LECTURE, r, null);
            return;
        }
        int nul = r.firstNul();
        int nuls = r.nuls();
        boolean exact = java.util.Arrays.equals(r.bytes(), expected);
        if (exact && r.end() == Received.End.CLOSED) {
            res.pass(m.get("outcome.calc.format"));
        } else if (exact && r.end() == Received.End.RESET) {
            res.fail(m.get("outcome.calc.formatReset"), m.get("hint.calc.resetAfterReply"));
        } else if (exact) {
            res.fail(m.get("outcome.calc.notClosed"), m.get("hint.calc.notClosed"));
        } else if (nuls == 1 && r.length() == nul + 1) {
            res.fail(m.get("outcome.calc.oneNul"), m.get("hint.calc.oneNul"));
        } else if (r.length() > nul + 1 && r.bytes()[nul + 1] != 0) {
            res.fail(m.get("outcome.calc.afterNul", r.length() - nul - 1), m.get("hint.calc.afterNul"));
        } else {
            res.fail(m.get("outcome.calc.extra", r.length() - expected.length), m.get("hint.calc.extra"));
        }
    }

    /**
     * A first client sends half a request and stalls; a second sends a whole one. A concurrent
     * server answers the second at once, a serial one only after the first has finished.
     */
    private void concurrency() {
        CalcRequest first = request(7, 2, 0);
        CalcRequest second = LECTURE;
        Result res = check("calc.concurrency").sent(encode(second))
                .expected(m.get(expect == null ? "expect.calc.kind" : "expect.calc.kind." + expect.name().toLowerCase()));
        if (expect == null) res.optional();
        try (TcpProbe stalled = TcpProbe.connect(target); TcpProbe other = TcpProbe.connect(target)) {
            stalled.send(ascii("7\0"));
            other.send(encode(second));
            Received whileStalled = other.read(Stop.atNuls(1), CAP, target.timeout());
            ServerKind kind;
            if (rightResult(whileStalled, second)) {
                res.received(whileStalled);
                // Concurrent only if the first client is still waiting: a server that closed it
                // (half a request in its one recv()) served the second one after it, serially.
                Received firstState = stalled.read(Stop.atLength(1), CAP, Duration.ofMillis(1));
                if (firstState.end() == Received.End.CLOSED || firstState.end() == Received.End.RESET) {
                    res.fail(m.get("outcome.calc.stalledClosed"), m.get("hint.calc.stalledClosed"));
                    return;
                }
                kind = ServerKind.CONCURRENT;
            } else if (whileStalled.end() == Received.End.TIMEOUT && whileStalled.length() == 0) {
                stalled.send(ascii("2\0" + "0\0"));
                Received firstReply = stalled.read(Stop.atNuls(1), CAP, target.timeout());
                Received after = other.read(Stop.atNuls(1), CAP, target.timeout());
                res.received(after);
                if (!rightResult(firstReply, first) || !rightResult(after, second)) {
                    res.fail(m.get("outcome.calc.secondNeverAnswered"), m.get("hint.calc.secondNeverAnswered"));
                    return;
                }
                kind = ServerKind.SERIAL;
            } else {
                res.received(whileStalled).fail(m.get("outcome.calc.secondNeverAnswered"),
                        m.get("hint.calc.secondNeverAnswered"));
                return;
            }
            String found = m.get("outcome.calc.kind." + kind.name().toLowerCase());
            finding(m.get("finding.kind", m.get("kind." + kind.name().toLowerCase())));
            if (expect == null) {
                res.info(found);
            } else if (expect == kind) {
                res.pass(found);
            } else {
                res.fail(found, m.get("hint.calc.kind." + kind.name().toLowerCase()));
            }
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.gone"));
        }
    }

    /** A client misbehaves; then a fresh, valid request must still be answered. */
    private void afterBadClient(String id, byte[] bad, boolean reset, String hintKey) {
        Result res = check(id).sent(bad).expected(m.get("expect.stillServes"));
        try (TcpProbe probe = TcpProbe.connect(target)) {
            probe.send(bad);
            if (reset) {
                probe.reset();
            } else if (bad.length > 0 && bad[bad.length - 1] != 0) {
                probe.close(); // in the middle of a number: the server's recv() returns b''
            } else {
                probe.read(Stop.AT_CLOSE, CAP, target.timeout());
            }
        } catch (NotConnected e) {
            res.received(e.received()).fail(ending(e.received()), m.get("hint.gone"));
            return;
        }
        Received r = TcpProbe.exchange(target, List.of(encode(LECTURE)), Stop.atNuls(1), CAP);
        res.received(r);
        if (rightResult(r, LECTURE)) {
            res.pass(m.get("outcome.stillServes"));
        } else {
            res.fail(r.notConnected() ? ending(r) : m.get("outcome.calc.notServedAfter"), m.get(hintKey));
        }
    }

    /**
     * Passes when the bytes before the first NUL are the right result; otherwise fails with what
     * went wrong and a hint ({@code specific}, when given, for anything but a plain wrong sum).
     */
    private boolean judge(Result res, CalcRequest request, Received r, String specific) {
        BigInteger expected = request.result();
        if (r.notConnected()) return res.fail(ending(r), m.get("hint.gone"));
        int nul = r.firstNul();
        if (nul < 0) {
            if (r.length() > 0) return res.fail(m.get("outcome.calc.noNul"), m.get("hint.calc.noNul"));
            String hint = switch (r.end()) {
                case CLOSED -> m.get("hint.calc.closedWithoutReply");
                case RESET -> m.get("hint.calc.reset");
                default -> m.get("hint.calc.nothingTimeout");
            };
            return res.fail(m.get("outcome.calc.nothing"), specific == null ? hint : specific + " " + hint);
        }
        Reply reply = CalcClientCodec.reply(r.bytes(), 0, nul);
        switch (reply) {
            case Reply.Result value when value.value().equals(expected) -> {
                return res.pass(m.get("outcome.calc.result", value.value()));
            }
            case Reply.Result value -> {
                BigInteger got = value.value();
                String hint;
                if (request.op().signum() != 0 && got.equals(request.a().add(request.b()))) {
                    hint = m.get("hint.calc.added");
                } else if (request.op().signum() == 0 && got.equals(request.a().subtract(request.b()))) {
                    hint = m.get("hint.calc.subtracted");
                } else if (got.equals(request.b().subtract(request.a()))) {
                    hint = m.get("hint.calc.reversed");
                } else {
                    hint = specific == null ? m.get("hint.calc.wrong") : specific;
                }
                return res.fail(m.get("outcome.calc.wrong", got, expected), hint);
            }
            case Reply.Error error -> {
                return res.fail(m.get("outcome.calc.error", ShownBytes.text(ascii(error.reason()))),
                        specific == null ? m.get("hint.calc.rejected") : specific);
            }
            case Reply.Malformed bad -> {
                return res.fail(m.get("outcome.calc.notNumber"), m.get("hint.calc.notNumber"));
            }
        }
    }

    /** Whether something before a NUL came at all (a wrong number is still an answer). */
    private static boolean answered(Received r) {
        return r.firstNul() >= 0;
    }

    private static boolean rightResult(Received r, CalcRequest request) {
        int nul = r.firstNul();
        return nul >= 0 && CalcClientCodec.reply(r.bytes(), 0, nul) instanceof Reply.Result v
                && v.value().equals(request.result());
    }

    static CalcRequest request(long a, long b, long op) {
        return new CalcRequest(BigInteger.valueOf(a), BigInteger.valueOf(b), BigInteger.valueOf(op));
    }

    private static byte[] encode(CalcRequest r) {
        return CalcClientCodec.request(r.a(), r.b(), r.op());
    }

    private static BigInteger parse(String text) {
        byte[] bytes = ascii(text);
        try {
            return CalcNumber.parse(bytes, 0, bytes.length, CalcNumber.PYTHON_MAX_DIGITS);
        } catch (BadCalcRequest e) {
            throw new IllegalArgumentException("not a number for int(): " + text, e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
