package loomlab.net;

/**
 * An address block ({@code 10.0.0.0/8}) with the name and RFC under which IANA lists it, so that
 * {@code addr} can say why an address is private, not just that it is.
 */
public record IpBlock(IpAddress base, int prefix, String name, String rfc) {

    public IpBlock {
        int bits = base.version() == 4 ? 32 : 128;
        if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("prefix " + prefix + " out of range");
        byte[] b = base.packed();
        for (int bit = prefix; bit < bits; bit++) {
            if ((b[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException(base + "/" + prefix + " has host bits set");
            }
        }
    }

    /** {@code "10.0.0.0/8"}, with the name and RFC for humans. */
    public static IpBlock of(String cidr, String name, String rfc) {
        int slash = cidr.indexOf('/');
        return new IpBlock(IpAddress.parse(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)), name, rfc);
    }

    public boolean contains(IpAddress address) {
        if (address.version() != base.version()) return false;
        byte[] a = address.packed();
        byte[] b = base.packed();
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }

    public String cidr() {
        return base + "/" + prefix;
    }

    @Override
    public String toString() {
        return cidr() + " (" + name + ", " + rfc + ")";
    }
}
