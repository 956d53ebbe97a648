package loomlab.protocol.proxy;

/** Bytes that are not a valid PROXY protocol header; the message is safe to log (no raw bytes). */
public final class BadProxyHeader extends Exception {
    private static final long serialVersionUID = 1L;

    public BadProxyHeader(String reason) {
        super(reason, null, false, false);
    }
}
