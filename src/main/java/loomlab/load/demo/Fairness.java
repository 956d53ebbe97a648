package loomlab.load.demo;

/**
 * How evenly the clients were served: answers per client in the measured window. A server that
 * serves everyone has a minimum near the median; one that starves some has a minimum of 0.
 */
public record Fairness(long min, long median, long max) {

    /** From the load result's {min, median, max}. */
    static Fairness of(long[] minMedianMax) {
        return new Fairness(minMedianMax[0], minMedianMax[1], minMedianMax[2]);
    }
}
