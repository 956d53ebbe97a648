package loomlab.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import loomlab.client.UdpCalcClient;
import loomlab.config.Durations;
import loomlab.config.Shown;
import loomlab.protocol.calc.BadCalcRequest;
import loomlab.protocol.calc.CalcNumber;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line values with messages that say what is expected; picocli prefixes them with the
 * option or parameter name, and the command exits 1.
 */
final class Converters {

    private Converters() { }

    /** A duration of some kind, read by the one parser of config and command line ({@link Durations}). */
    abstract static class DurationOf implements ITypeConverter<Duration> {
        private final Durations.Kind kind;

        DurationOf(Durations.Kind kind) {
            this.kind = kind;
        }

        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value, kind);
            } catch (Durations.BadDuration e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Connect, reply and lookup timeouts: 1ms to 1d. */
    static final class Timeout extends DurationOf {
        Timeout() {
            super(Durations.Kind.TIMEOUT);
        }
    }

    /** The measured time of a load run or a demo step: 1ms to 1d. */
    static final class RunTime extends DurationOf {
        RunTime() {
            super(Durations.Kind.RUN);
        }
    }

    /** Warm-up, ramp-up, think time: 0 to 1d. */
    static final class WaitTime extends DurationOf {
        WaitTime() {
            super(Durations.Kind.WAIT);
        }
    }

    /** check's gap between the pieces of a request: 1ms to 1m. */
    static final class Pause extends DurationOf {
        Pause() {
            super(Durations.Kind.PAUSE);
        }
    }

    /** The stats line's interval: 0 (off) or 100ms to 1d. */
    static final class Interval extends DurationOf {
        Interval() {
            super(Durations.Kind.INTERVAL);
        }
    }

    /** A whole number, for counts and sizes; each option checks its own range. */
    static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String t = value.strip();
            if (t.matches("[+-]?[0-9]{1,10}")) {
                long n = Long.parseLong(t);
                if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) return (int) n;
                throw new TypeConversionException(Shown.quoted(value) + " is too large");
            }
            if (t.matches("[+-]?[0-9]+")) throw new TypeConversionException(Shown.quoted(value) + " is too large");
            throw new TypeConversionException(Shown.quoted(value) + " is not a whole number");
        }
    }

    /** Requests per second per client: 0.01 (one every 100 s) to 100,000 (one every 10 µs). */
    static final class Rate implements ITypeConverter<Double> {
        static final BigDecimal MIN = new BigDecimal("0.01");
        static final BigDecimal MAX = new BigDecimal("100000");

        @Override
        public Double convert(String value) {
            String t = value.strip();
            BigDecimal rate;
            if (t.length() > 40 || !t.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?")) {
                throw new TypeConversionException(Shown.quoted(value) + " is not a number of requests per second"
                        + " (e.g. 5 or 0.5)");
            }
            rate = new BigDecimal(t);
            if (rate.compareTo(MIN) < 0 || rate.compareTo(MAX) > 0) {
                throw new TypeConversionException(Shown.quoted(value) + " is out of range: a rate is from 0.01 to 100000"
                        + " requests per second per client (leave --rate out to send as fast as answers come)");
            }
            return rate.doubleValue();
        }
    }

    /** A file or directory name: not empty, no NUL. Whether it can be written is checked before the run. */
    static final class FileName implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isEmpty()) throw new TypeConversionException("the file name is empty");
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException(Shown.quoted(value) + " is not a file name: " + e.getReason());
            }
        }
    }

    /** A TCP or UDP port a server can listen on: 1-65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 1 && port <= 65535) return port;
            } catch (NumberFormatException notANumber) {
                // same message below
            }
            throw new TypeConversionException(Shown.quoted(value) + " is not a port: use a number from 1 to 65535");
        }
    }

    /** An integer of any size, read as the lecture's server reads it: Python's {@code int(text, 10)}. */
    static final class CalcInteger implements ITypeConverter<BigInteger> {
        @Override
        public BigInteger convert(String value) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            try {
                return CalcNumber.parse(text, 0, text.length, Integer.MAX_VALUE);
            } catch (BadCalcRequest e) {
                throw new TypeConversionException(Shown.quoted(value) + " is not an integer");
            }
        }
    }

    /** What one field of the UDP calc request carries: 0 to 4294967295. */
    static final class UnsignedInt32 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            BigInteger n = new CalcInteger().convert(value);
            if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(UdpCalcClient.MAX_VALUE)) > 0) {
                throw new TypeConversionException(Shown.quoted(value) + " does not fit an unsigned 32-bit integer (0 to "
                        + UdpCalcClient.MAX_VALUE + "): the UDP calc sends each number in 4 bytes");
            }
            return n.longValue();
        }
    }
}
