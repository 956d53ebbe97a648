package loomlab.check;

import java.time.Duration;
import loomlab.net.LookupException;
import loomlab.net.Resolver;

/** Runs the battery of one protocol against a server: the entry point of {@code loomlab check}. */
public final class Checker {

    private Checker() { }

    /** Looks the host up (bounded by the connect timeout) and takes its first address. */
    public static CheckTarget target(String host, int port, Duration connectTimeout, Duration timeout, Duration pause)
            throws LookupException {
        return new CheckTarget(host, Resolver.addresses(host, connectTimeout)[0], port, connectTimeout, timeout, pause);
    }

    public static CheckReport echo(CheckTarget target, Messages m, boolean strict) {
        return new EchoBattery(target, m, strict).run();
    }

    /** {@code expect} null: say whether the server is serial or concurrent, without grading it. */
    public static CheckReport calc(CheckTarget target, Messages m, boolean strict, ServerKind expect) {
        return new CalcBattery(target, m, strict, expect).run();
    }

    public static CheckReport udpCalc(CheckTarget target, Messages m, boolean strict, OrderChoice order) {
        return new UdpCalcBattery(target, m, strict, order).run();
    }
}
