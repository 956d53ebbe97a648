package loomlab.check;

import static loomlab.check.CheckRuns.EN;
import static loomlab.check.CheckRuns.failsWith;
import static loomlab.check.CheckRuns.passes;
import static loomlab.check.CheckRuns.result;
import static loomlab.check.CheckRuns.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import loomlab.check.CheckResult.Status;
import loomlab.protocol.calc.BadCalcRequest;
import loomlab.protocol.calc.CalcNumber;
import org.junit.jupiter.api.Test;

/**
 * Servers with one typical student bug each, written here in Java the way the Python would go;
 * each is caught by the right check with the right hint, and none can hang the checker (one that
 * never answers, floods, trickles or resets only costs the bounded waits).
 */
class CheckBuggyServersTest {

    /** Every failure by silence costs this; small, so the whole class stays fast. */
    private static final Duration TIMEOUT = Duration.ofMillis(250);

    private static CheckTarget target(StudentServer server) {
        return CheckRuns.target(server.port(), TIMEOUT);
    }

    // ---- calc ----

    /** The lecture's calc done right, up to {@code reply}: reads a, b, op byte by byte up to each NUL. */
    private static BigInteger[] readRequest(InputStream in) throws IOException {
        BigInteger[] n = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != 0) {
                if (b < 0) throw new IOException("client closed mid-number");
                text.write(b);
            }
            try {
                n[i] = CalcNumber.parse(text.toByteArray(), 0, text.size(), CalcNumber.PYTHON_MAX_DIGITS); // int(text, 10)
            } catch (BadCalcRequest e) {
                throw new NumberFormatException(e.getMessage()); // the ValueError of int('abc')
            }
        }
        return n;
    }

    private static BigInteger sum(BigInteger[] n) {
        return n[2].signum() == 0 ? n[0].add(n[1]) : n[0].subtract(n[1]);
    }

    private static void reply(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static StudentServer calc(String replyEnd) throws IOException {
        return StudentServer.tcp(s -> reply(s, sum(readRequest(s.getInputStream())) + replyEnd));
    }

    @Test
    void aServerThatReadsTheWholeRequestWithOneRecv() throws Exception {
        // data = conn.recv(1024); a, b, op = data.split(b'\0')[:3]  -> fails unless it all came at once
        try (StudentServer server = StudentServer.tcp(s -> {
            byte[] buf = new byte[1024];
            int n = s.getInputStream().read(buf);
            String[] parts = new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII).split("\0");
            if (parts.length < 3) return; // ValueError: not enough values to unpack; the connection closes
            reply(s, sum(readRequest(new java.io.ByteArrayInputStream(buf, 0, n))) + "\0\0");
        })) {
            // Long pauses: each piece must arrive on its own even if this server's thread starts late.
            CheckTarget slow = new CheckTarget("127.0.0.1", java.net.InetAddress.getLoopbackAddress(), server.port(),
                    Duration.ofSeconds(2), TIMEOUT, Duration.ofMillis(50));
            CheckReport report = Checker.calc(slow, EN, false, null);
            failsWith(report, "calc.lecture", "hint.calc.oneRecv");
            passes(report, "calc.one-write");
            failsWith(report, "calc.bytewise", "hint.calc.oneRecv");
            // It closes a stalled client at once, so it cannot pass for concurrent.
            failsWith(report, "calc.concurrency", "hint.calc.stalledClosed");
            assertEquals(CheckReport.FAILED, report.exitCode());
        }
    }

    @Test
    void aReplyWithOneNulInsteadOfTwo() throws Exception {
        try (StudentServer server = calc("\0")) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            passes(report, "calc.lecture"); // the lecture's client reads up to the first NUL: it works
            failsWith(report, "calc.reply-format", "hint.calc.oneNul");
            assertEquals(1, report.count(Status.FAIL), () -> text(report));
        }
    }

    @Test
    void aServerThatDoesNotCloseAfterTheReply() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            reply(s, sum(readRequest(s.getInputStream())) + "\0\0");
            s.getInputStream().read(); // waits for the client, which waits for the close
        })) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            failsWith(report, "calc.reply-format", "hint.calc.notClosed");
            assertEquals(1, report.count(Status.FAIL), () -> text(report));
        }
    }

    @Test
    void aServerThatIgnoresOpAndAlwaysAdds() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            BigInteger[] n = readRequest(s.getInputStream());
            reply(s, n[0].add(n[1]) + "\0\0");
        })) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            failsWith(report, "calc.lecture", "hint.calc.added");
            assertEquals(EN.get("outcome.calc.wrong", 13, -3), result(report, "calc.lecture").outcome());
            passes(report, "calc.add");
        }
    }

    @Test
    void aSerialServerWhereAConcurrentOneIsExpected() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> reply(s, sum(readRequest(s.getInputStream())) + "\0\0"),
                true)) {
            CheckReport report = Checker.calc(target(server), EN, false, ServerKind.CONCURRENT);
            failsWith(report, "calc.concurrency", "hint.calc.kind.serial");
            assertEquals(EN.get("outcome.calc.kind.serial"), result(report, "calc.concurrency").outcome());
            assertEquals(1, report.count(Status.FAIL), () -> text(report));
        }
    }

    @Test
    void aSerialServerThatDiesOfABadNumberFailsOnlyUnderStrict() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            try {
                reply(s, sum(readRequest(s.getInputStream())) + "\0\0");
            } catch (NumberFormatException e) {
                throw new IllegalStateException("ValueError: invalid literal for int()", e);
            }
        }, true)) {
            CheckReport report = Checker.calc(target(server), EN, true, ServerKind.SERIAL);
            for (String id : new String[] {"calc.lecture", "calc.python-forms", "calc.concurrency"}) passes(report, id);
            failsWith(report, "calc.bad-number", "hint.calc.badNumber");
            // Dead now: the next robustness checks cannot even connect, and say so.
            failsWith(report, "calc.closed-mid-request", "hint.gone");
        }
    }

    @Test
    void aServerThatNeverAnswersCostsOnlyTheBoundedWaits() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> s.getInputStream().transferTo(OutputStream.nullOutputStream()))) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            failsWith(report, "calc.lecture", "hint.calc.nothingTimeout");
            assertEquals(Received.End.TIMEOUT, result(report, "calc.lecture").received().end());
            assertEquals(CheckReport.FAILED, report.exitCode());
        }
    }

    @Test
    void aServerThatFloodsIsCutOffAtTheCap() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            byte[] ones = new byte[64 * 1024];
            java.util.Arrays.fill(ones, (byte) '1');
            while (true) s.getOutputStream().write(ones); // until the checker goes: gigabytes if it read them
        })) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            CheckResult lecture = result(report, "calc.lecture");
            failsWith(report, "calc.lecture", "hint.calc.noNul");
            assertEquals(Received.End.CAP, lecture.received().end());
            assertEquals(CalcBattery.CAP, lecture.received().length());
        }
    }

    @Test
    void aServerThatTricklesForeverIsCutOffAtTheDeadline() throws Exception {
        CountDownLatch over = new CountDownLatch(1);
        try (StudentServer server = StudentServer.tcp(s -> {
            // one byte now and then, never a NUL: a reader without one deadline would wait for ever
            while (!over.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) s.getOutputStream().write('7');
        })) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            failsWith(report, "calc.lecture", "hint.calc.noNul");
            assertEquals(Received.End.TIMEOUT, result(report, "calc.lecture").received().end());
        } finally {
            over.countDown();
        }
    }

    @Test
    void aServerThatResets() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            s.getInputStream().read();
            s.setSoLinger(true, 0); // close with a reset, as a crashed process
        })) {
            CheckReport report = Checker.calc(target(server), EN, false, null);
            CheckResult lecture = result(report, "calc.lecture");
            assertEquals(Status.FAIL, lecture.status(), () -> text(report));
            assertTrue(lecture.received().end() == Received.End.RESET || lecture.received().end() == Received.End.CLOSED,
                    () -> text(report));
            assertTrue(lecture.hint().equals(EN.get("hint.calc.reset")) || lecture.hint().equals(EN.get("hint.calc.closedWithoutReply")),
                    () -> text(report));
        }
    }

    // ---- echo ----

    @Test
    void anEchoThatSendsBackOneRecvOfSixteenBytes() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            byte[] buf = new byte[16];
            int n = s.getInputStream().read(buf);
            s.getOutputStream().write(buf, 0, n);
            s.getInputStream().transferTo(OutputStream.nullOutputStream()); // and drops the rest
        })) {
            CheckReport report = Checker.echo(target(server), EN, false);
            failsWith(report, "echo.lecture", "hint.echo.first16");
            assertEquals(EN.get("outcome.echo.short", 16, 20), result(report, "echo.lecture").outcome());
        }
    }

    /** Echoes byte by byte until {@code stop} says so for a byte, then does {@code then}. */
    private static StudentServer echoUntil(java.util.function.IntPredicate stop, boolean reset) throws IOException {
        return StudentServer.tcp(s -> {
            InputStream in = s.getInputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (stop.test(b)) {
                    if (reset) {
                        s.setSoLinger(true, 0);
                    } else {
                        s.getOutputStream().write(b);
                    }
                    return;
                }
                s.getOutputStream().write(b);
            }
        });
    }

    @Test
    void anEchoThatClosesAtTheFirstNul() throws Exception {
        try (StudentServer server = echoUntil(b -> b == 0, false)) {
            CheckReport report = Checker.echo(target(server), EN, false);
            passes(report, "echo.lecture"); // its one NUL is the last byte
            failsWith(report, "echo.binary", "hint.echo.stopAtNul");
        }
    }

    @Test
    void anEchoThatDecodesTheBytesAsText() throws Exception {
        try (StudentServer server = echoUntil(b -> b >= 0x80, true)) { // UnicodeDecodeError: the connection dies
            CheckReport report = Checker.echo(target(server), EN, false);
            passes(report, "echo.lecture");
            failsWith(report, "echo.binary", "hint.echo.decode");
        }
    }

    @Test
    void anEchoThatAnswersOneMessageAndCloses() throws Exception {
        try (StudentServer server = StudentServer.tcp(s -> {
            byte[] buf = new byte[1024];
            int n = s.getInputStream().read(buf);
            s.getOutputStream().write(buf, 0, n);
        })) {
            CheckReport report = Checker.echo(target(server), EN, false);
            passes(report, "echo.lecture");
            failsWith(report, "echo.several", "hint.echo.onlyFirst");
        }
    }

    @Test
    void anEchoThatDoesNotCloseWhenTheClientDoes() throws Exception {
        CountDownLatch over = new CountDownLatch(1);
        try (StudentServer server = StudentServer.tcp(s -> {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n;
            while ((n = in.read(buf)) > 0) s.getOutputStream().write(buf, 0, n);
            over.await(); // 'if data:' without the 'else: break'
        })) {
            CheckReport report = Checker.echo(target(server), EN, false);
            failsWith(report, "echo.half-close", "hint.echo.notClosedAfterEof");
            assertEquals(1, report.count(Status.FAIL), () -> text(report));
        } finally {
            over.countDown();
        }
    }

    // ---- udp calc ----

    private static byte[] answer(byte[] request, ByteOrder order, int size) {
        ByteBuffer in = ByteBuffer.wrap(request).order(order);
        long a = Integer.toUnsignedLong(in.getInt(0));
        long b = Integer.toUnsignedLong(in.getInt(4));
        long op = Integer.toUnsignedLong(in.getInt(8));
        long res = op == 0 ? a + b : a - b;
        if (res < 0 || res > 0xffff_ffffL) throw new IllegalStateException("struct.error: argument out of range");
        ByteBuffer out = ByteBuffer.allocate(size).order(order);
        if (size == 8) out.putLong(res); else out.putInt((int) res);
        return out.array();
    }

    @Test
    void aUdpServerInBigEndian() throws Exception {
        try (StudentServer server = StudentServer.udp(r -> answer(r, ByteOrder.BIG_ENDIAN, 4))) {
            CheckReport report = Checker.udpCalc(target(server), EN, false, OrderChoice.LITTLE);
            passes(report, "udp.lecture");
            failsWith(report, "udp.byte-order", "hint.udp.bigEndian");
        }
    }

    @Test
    void aUdpServerThatCrashesOnANegativeResult() throws Exception {
        try (StudentServer server = StudentServer.udp(r -> answer(r, ByteOrder.LITTLE_ENDIAN, 4))) {
            CheckReport report = Checker.udpCalc(target(server), EN, false, OrderChoice.LITTLE);
            passes(report, "udp.subtract");
            // 2^32 does not fit either: the wrap-around checks come last, the first one takes it down.
            assertEquals(EN.get("hint.udp.wrapAdd") + " " + EN.get("hint.udp.crashed"), result(report, "udp.wrap-add").hint());
        }
    }

    @Test
    void aUdpServerThatOnlyFailsBelowZero() throws Exception {
        try (StudentServer server = StudentServer.udp(r -> {
            ByteBuffer in = ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN);
            long res = (in.getInt(8) == 0 ? Integer.toUnsignedLong(in.getInt(0)) + Integer.toUnsignedLong(in.getInt(4))
                    : Integer.toUnsignedLong(in.getInt(0)) - Integer.toUnsignedLong(in.getInt(4)));
            if (res < 0) throw new IllegalStateException("struct.error");
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) res).array();
        })) {
            CheckReport report = Checker.udpCalc(target(server), EN, false, OrderChoice.LITTLE);
            passes(report, "udp.wrap-add");
            assertEquals(EN.get("hint.udp.wrapSub") + " " + EN.get("hint.udp.crashed"), result(report, "udp.wrap-sub").hint(),
                    () -> text(report));
        }
    }

    @Test
    void aUdpServerThatRepliesWithEightBytes() throws Exception {
        try (StudentServer server = StudentServer.udp(r -> answer(r, ByteOrder.LITTLE_ENDIAN, 8))) { // struct.pack('L')
            CheckReport report = Checker.udpCalc(target(server), EN, false, OrderChoice.LITTLE);
            failsWith(report, "udp.lecture", "hint.udp.size8");
        }
    }
}
