package loomlab.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of addresses and address blocks ({@code "127.0.0.1"}, {@code "10.0.0.0/8"},
 * {@code "fd00::/8"}), for example the balancers a service trusts. An IPv4 client seen on an IPv6
 * socket as {@code ::ffff:a.b.c.d} matches the IPv4 entries.
 */
public final class AddressList {

    private final List<IpBlock> blocks;

    private AddressList(List<IpBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Parses every entry; throws {@link IllegalArgumentException} naming the first bad one and why. */
    public static AddressList parse(List<String> entries) {
        List<IpBlock> blocks = new ArrayList<>();
        for (String entry : entries) blocks.add(block(entry));
        return new AddressList(blocks);
    }

    /** One entry: an address, or an address block with a prefix length and no host bits set. */
    public static IpBlock block(String entry) {
        String text = entry == null ? "" : entry.trim();
        int slash = text.indexOf('/');
        IpAddress base = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (base.scopeId() != null) throw new IllegalArgumentException("'" + entry + "': no zone (%...) in an address block");
        int bits = base.version() == 4 ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("'" + entry + "': the prefix length must be 0-" + bits);
            }
            prefix = Integer.parseInt(p);
        }
        try {
            return new IpBlock(base, prefix, "listed", "-");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "' has host bits set (write the block's first address)");
        }
    }

    public boolean contains(InetAddress address) {
        IpAddress a = IpAddress.of(address);
        IpAddress v4 = a.version() == 6 ? a.ipv4Mapped() : null;
        for (IpBlock b : blocks) {
            if (b.contains(a) || (v4 != null && b.contains(v4))) return true;
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(", ", blocks.stream().map(IpBlock::cidr).toList());
    }
}
