package loomlab.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import loomlab.client.UdpCalcClient;
import loomlab.config.Durations;
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

    /** "500ms", "5s", "2m": more than zero, as in the config file. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = Durations.parse(value);
            if (d == null) throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 500ms, 5s or 1m");
            if (d.isZero()) throw new TypeConversionException("'" + value + "' is zero: a timeout must be more than 0");
            return d;
        }
    }

    /**
     * Lengths of time for the load generator and the demo: "500ms", "10s", "2m", or plain seconds
     * ("10", "1.5"); zero allowed (no warm-up, no ramp-up). Whether zero makes sense for a given
     * option is checked with the other settings, which name the option.
     */
    static final class AnyDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = Durations.parse(value);
            if (d != null) return d;
            try {
                BigDecimal seconds = new BigDecimal(value.trim());
                if (seconds.signum() >= 0) return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
            } catch (NumberFormatException | ArithmeticException notSeconds) {
                // same message below
            }
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 500ms, 10s, 2m or 1.5 (seconds)");
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
            throw new TypeConversionException("'" + value + "' is not a port: use a number from 1 to 65535");
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
                throw new TypeConversionException("'" + value + "' is not an integer");
            }
        }
    }

    /** What one field of the UDP calc request carries: 0 to 4294967295. */
    static final class UnsignedInt32 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            BigInteger n = new CalcInteger().convert(value);
            if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(UdpCalcClient.MAX_VALUE)) > 0) {
                throw new TypeConversionException("'" + value + "' does not fit an unsigned 32-bit integer (0 to "
                        + UdpCalcClient.MAX_VALUE + "): the UDP calc sends each number in 4 bytes");
            }
            return n.longValue();
        }
    }
}
