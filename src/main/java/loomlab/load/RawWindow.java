package loomlab.load;

import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * The measured window as raw data, for merging the runs of several load workers exactly: the
 * full latency histogram (microseconds) rather than its percentiles, every client's answer count
 * rather than min/median/max, and the window's wall-clock start and end.
 *
 * @param answersPerClient answers of each client in the window, sorted ascending
 */
public record RawWindow(Instant start, Instant end, Histogram latencyMicros, long[] answersPerClient) { }
