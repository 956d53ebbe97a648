package loomlab.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import loomlab.protocol.udpcalc.UdpCalcCodec;

/**
 * The checks of a UDP calc server (docs/protocol.md, "Calc over UDP"): the lecture's exchange,
 * the byte order (with a request whose sum carries from one byte into the next, so the two
 * orders give different answers), subtraction, the reply to the right sender, and the results
 * that wrap modulo 2^32. Under {@code --strict}: datagrams of the wrong size must not stop it.
 */
final class UdpCalcBattery extends Battery {

    private final OrderChoice choice;
    private ByteOrder order;

    UdpCalcBattery(CheckTarget target, Messages m, boolean strict, OrderChoice choice) {
        super(target, m, strict);
        this.choice = choice;
        this.order = choice == OrderChoice.BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    String protocol() {
        return "udp-calc";
    }

    @Override
    boolean lecture() {
        byte[] request = request(order, 10, 500, 0);
        Received r = UdpProbe.exchange(target, request);
        Result res = check("udp.lecture").sent(request).received(r).expected(expectation(10, 500, 0));
        if (r.end() == Received.End.REFUSED) {
            res.fail(ending(r), m.get("hint.udp.unreachable", target.where()));
            return false;
        }
        judge(res, 10, 500, 0, r, null);
        return true;
    }

    @Override
    void rest() {
        byteOrder();
        simple("udp.subtract", 500, 10, 1, null);
        simple("udp.op-nonzero", 20, 5, 7, "hint.udp.opNonzero");
        twoClients();
        simple("udp.wrap-add", 0xffff_ffffL, 1, 0, "hint.udp.wrapAdd");
        simple("udp.wrap-sub", 10, 500, 1, "hint.udp.wrapSub");
        if (strict) badSizes();
    }

    /**
     * 65280 + 256: the sum carries from the second byte into the third, so a server in the other
     * order answers differently (and without overflowing 32 bits, so it does not crash instead).
     */
    private void byteOrder() {
        long a = 0xff00;
        long b = 0x100;
        byte[] request = request(order, a, b, 0);
        Received r = UdpProbe.exchange(target, request);
        Result res = check("udp.byte-order").sent(request).received(r).expected(
                choice == OrderChoice.DETECT ? m.get("expect.udp.anyOrder") : expectation(a, b, 0));
        ByteOrder other = order == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] otherServer = otherOrderReply(request, other);
        if (r.end() == Received.End.DONE && Arrays.equals(r.bytes(), otherServer)) {
            String found = m.get("outcome.udp.order", name(other));
            if (choice == OrderChoice.DETECT) {
                order = other;
                finding(m.get("finding.order", name(other)));
                res.pass(found);
            } else {
                res.fail(found, m.get(other == ByteOrder.BIG_ENDIAN ? "hint.udp.bigEndian" : "hint.udp.littleEndian"));
            }
            return;
        }
        if (judge(res, a, b, 0, r, null) && choice == OrderChoice.DETECT) finding(m.get("finding.order", name(order)));
    }

    private void simple(String id, long a, long b, long op, String hintKey) {
        byte[] request = request(order, a, b, op);
        Received r = UdpProbe.exchange(target, request);
        judge(check(id).sent(request).received(r).expected(expectation(a, b, op)), a, b, op, r,
                hintKey == null ? null : m.get(hintKey));
    }

    /** Two clients, each must get its own answer, at the address its request came from. */
    private void twoClients() {
        byte[] first = request(order, 1, 2, 0);
        byte[] second = request(order, 1000, 2000, 0);
        Result res = check("udp.two-clients").sent(second).expected(expectation(1000, 2000, 0));
        try (UdpProbe one = UdpProbe.open(target); UdpProbe two = UdpProbe.open(target)) {
            one.send(first);
            two.send(second);
            Received r1 = one.receive(target.timeout());
            Received r2 = two.receive(target.timeout());
            res.received(r2);
            if (answers(r1, 1, 2, 0) && answers(r2, 1000, 2000, 0)) {
                res.pass(m.get("outcome.udp.twoClients"));
            } else if (answers(r1, 1000, 2000, 0) || answers(r2, 1, 2, 0)) {
                res.fail(m.get("outcome.udp.swapped"), m.get("hint.udp.replyAddress"));
            } else {
                judge(res, 1000, 2000, 0, r2, m.get("hint.udp.replyAddress"));
            }
        } catch (IOException e) {
            res.fail(String.valueOf(e.getMessage()), m.get("hint.udp.gone"));
        }
    }

    /** 11, 13 and 0 bytes: the protocol drops them; a valid request right after must be answered. */
    private void badSizes() {
        byte[] valid = request(order, 10, 500, 0);
        Result res = check("udp.bad-size").sent(new byte[11]).expected(m.get("expect.udp.badSize"));
        try (UdpProbe probe = UdpProbe.open(target)) {
            boolean listening = probe.send(new byte[11]) && probe.send(new byte[13]) && probe.send(new byte[0]);
            Received last = new Received(new byte[0], Received.End.REFUSED, Duration.ZERO);
            if (listening && probe.send(valid)) {
                // Replies to the bad datagrams (against the protocol, but harmless) may come first.
                for (int i = 0; i < 4; i++) {
                    last = probe.receive(target.timeout());
                    if (last.end() != Received.End.DONE || answers(last, 10, 500, 0)) break;
                }
            }
            res.received(last);
            if (answers(last, 10, 500, 0)) {
                res.pass(m.get("outcome.stillServes"));
            } else {
                res.fail(last.end() == Received.End.REFUSED ? ending(last) : m.get("outcome.udp.nothing"),
                        m.get("hint.udp.badSize"));
            }
        } catch (IOException e) {
            res.fail(String.valueOf(e.getMessage()), m.get("hint.udp.gone"));
        }
    }

    /** Passes when the reply is the 4-byte result in the order under check; else says why not. */
    private boolean judge(Result res, long a, long b, long op, Received r, String specific) {
        if (r.end() == Received.End.REFUSED) return res.fail(m.get("outcome.udp.nothing"), m.get("hint.udp.gone"));
        if (r.end() != Received.End.DONE) {
            String hint = specific == null ? m.get("hint.udp.nothing") : specific;
            if (!alive()) hint = hint + " " + m.get("hint.udp.crashed");
            return res.fail(m.get("outcome.udp.nothing"), hint);
        }
        if (r.length() != UdpCalcCodec.REPLY_SIZE) {
            return res.fail(m.get("outcome.udp.size", r.length()),
                    m.get(r.length() == 8 ? "hint.udp.size8" : "hint.udp.size"));
        }
        long got = new UdpCalcCodec(order).reply(ByteBuffer.wrap(r.bytes()));
        long expected = expected(a, b, op);
        if (got == expected) return res.pass(m.get("outcome.udp.result", got));
        ByteOrder other = order == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String hint;
        if (new UdpCalcCodec(other).reply(ByteBuffer.wrap(r.bytes())) == expected) {
            hint = m.get("hint.udp.replyOrder", name(other));
        } else if (op != 0 && got == ((a + b) & 0xffff_ffffL)) {
            hint = m.get("hint.calc.added");
        } else {
            hint = specific == null ? m.get("hint.udp.wrong") : specific;
        }
        return res.fail(m.get("outcome.udp.wrong", got, expected), hint);
    }

    /** Whether the server still answers the lecture's request (after one that got no reply). */
    private boolean alive() {
        return answers(UdpProbe.exchange(target, request(order, 10, 500, 0)), 10, 500, 0);
    }

    private boolean answers(Received r, long a, long b, long op) {
        return r.end() == Received.End.DONE && r.length() == UdpCalcCodec.REPLY_SIZE
                && new UdpCalcCodec(order).reply(ByteBuffer.wrap(r.bytes())) == expected(a, b, op);
    }

    private String expectation(long a, long b, long op) {
        long result = expected(a, b, op);
        byte[] reply = new byte[UdpCalcCodec.REPLY_SIZE];
        ByteBuffer.wrap(reply).order(order).putInt((int) result);
        return m.get("expect.udp.result", result, ShownBytes.hex(reply), name(order));
    }

    private static long expected(long a, long b, long op) {
        return Integer.toUnsignedLong(UdpCalcCodec.compute((int) a, (int) b, (int) op));
    }

    private static byte[] request(ByteOrder order, long a, long b, long op) {
        ByteBuffer buf = new UdpCalcCodec(order).request(a, b, op, ByteBuffer.allocate(UdpCalcCodec.REQUEST_SIZE));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return bytes;
    }

    /** What a server in the {@code other} order answers to these bytes (it reads them in its order). */
    private static byte[] otherOrderReply(byte[] request, ByteOrder other) {
        ByteBuffer reply = ByteBuffer.allocate(UdpCalcCodec.REPLY_SIZE);
        new UdpCalcCodec(other).answer(ByteBuffer.wrap(request), reply);
        byte[] bytes = new byte[reply.remaining()];
        reply.get(bytes);
        return bytes;
    }

    private String name(ByteOrder o) {
        return m.get(o == ByteOrder.LITTLE_ENDIAN ? "order.little" : "order.big");
    }
}
