package loomlab.server;

import java.io.IOException;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import loomlab.metrics.ServiceStats;
import loomlab.protocol.StreamProtocol;
import loomlab.protocol.calc.CalcProtocol;
import loomlab.protocol.echo.EchoProtocol;
import loomlab.protocol.udpcalc.UdpCalcCodec;

/** The one place that pairs a protocol with a transport, as the config says. */
final class Services {

    /** Echo buffers grow up to this while a client sends a lot at once. */
    static final int ECHO_MAX_BUFFER = 64 * 1024;

    private Services() { }

    static Listener listener(ServiceConfig config, ConnectionBudget budget) throws IOException {
        ServiceStats stats = new ServiceStats(config.name());
        ServiceEvents events = new ServiceEvents(config.name(), stats);
        if (config.transport() == Transport.UDP) {
            return new UdpListener(config, new UdpCalcCodec(config.order().byteOrder()), stats);
        }
        StreamProtocol protocol = switch (config.protocol()) {
            case ECHO -> new EchoProtocol(ECHO_MAX_BUFFER, events);
            case CALC -> new CalcProtocol(config.maxDigits(), config.requestDeadline(), events);
        };
        return new TcpListener(config, protocol, stats, budget);
    }
}
