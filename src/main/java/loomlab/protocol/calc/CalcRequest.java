package loomlab.protocol.calc;

import java.math.BigInteger;

/** The three numbers of a calc request: {@code op == 0} adds, any other value subtracts. */
public record CalcRequest(BigInteger a, BigInteger b, BigInteger op) {

    public BigInteger result() {
        return op.signum() == 0 ? a.add(b) : a.subtract(b);
    }
}
