package loomlab.client;

import java.math.BigInteger;
import loomlab.protocol.calc.CalcClientCodec;
import loomlab.protocol.calc.CalcClientCodec.Reply;
import loomlab.protocol.calc.CalcRequest;

/**
 * The lecture's TCP {@code client_calc.py}: send {@code a\0b\0op\0}, read the reply up to its first
 * NUL. The result is checked against the arithmetic ({@code op == 0} adds, anything else subtracts).
 */
public final class CalcClient {

    private CalcClient() { }

    /**
     * Sends the request on a connected exchange and returns the server's result. A loomlab
     * {@code ERROR} reply comes back as {@link Reply.Error}, not an exception: the caller prints it.
     */
    public static Reply calc(TcpExchange exchange, CalcRequest request) throws ClientException, BadReplyException {
        exchange.send(CalcClientCodec.request(request.a(), request.b(), request.op()));
        byte[] text = exchange.readUntilNul();
        Reply reply = CalcClientCodec.reply(text, 0, text.length);
        switch (reply) {
            case Reply.Malformed m -> throw new BadReplyException("the server's reply is not a number: " + m.shown());
            case Reply.Result r -> {
                BigInteger expected = request.result();
                if (!r.value().equals(expected)) {
                    throw new BadReplyException("wrong result from the server: " + r.value() + ", expected " + expected);
                }
            }
            case Reply.Error e -> { }
        }
        return reply;
    }
}
