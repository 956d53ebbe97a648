package loomlab.load.demo;

/**
 * What a step's connections cost in memory, measured from outside the server process: its
 * resident memory at full load against the same fresh process before any client connected, and
 * what the kernel spent meanwhile on thread stacks and page tables (system-wide, from
 * /proc/meminfo: the server's threads are the only ones that come and go in such numbers, but
 * other processes count too).
 *
 * <p>A delta below its noise floor (the JVM grows a little by itself, from the JIT and the heap)
 * is reported as within noise, with an upper bound per connection, never as a figure and never
 * negative.
 *
 * @param connections      connections held when the server was measured
 * @param rssBefore        the server's resident bytes before any client connected
 * @param rssAtLoad        the same at full load
 * @param rssNoiseFloor    an RSS delta below this is noise
 * @param kernelBefore     KernelStack + PageTables of the machine, bytes, before
 * @param kernelAtLoad     the same at full load
 * @param kernelNoiseFloor a kernel delta below this is noise
 */
public record MemoryCost(
        long connections,
        long rssBefore,
        long rssAtLoad,
        long rssNoiseFloor,
        long kernelBefore,
        long kernelAtLoad,
        long kernelNoiseFloor) {

    /** Resident bytes the connections added to the server process. */
    public long rssDelta() {
        return rssAtLoad - rssBefore;
    }

    public long kernelDelta() {
        return kernelAtLoad - kernelBefore;
    }

    /** True when the RSS growth cannot be told from the JVM's own. */
    public boolean rssWithinNoise() {
        return connections <= 0 || rssDelta() < rssNoiseFloor;
    }

    public boolean kernelWithinNoise() {
        return connections <= 0 || kernelDelta() < kernelNoiseFloor;
    }

    /** Server RSS per connection, bytes; null when within noise. */
    public Double rssPerConnection() {
        return rssWithinNoise() ? null : (double) rssDelta() / connections;
    }

    /** Kernel stacks and page tables per connection, bytes; null when within noise. */
    public Double kernelPerConnection() {
        return kernelWithinNoise() ? null : (double) kernelDelta() / connections;
    }

    /** RSS plus kernel, bytes per connection; null when the RSS part is within noise. */
    public Double totalPerConnection() {
        Double rss = rssPerConnection();
        if (rss == null) return null;
        Double kernel = kernelPerConnection();
        return kernel == null ? rss : rss + kernel;
    }

    /** When within noise: what a connection costs at most (the floor shared by the connections). */
    public Double rssUpperBound() {
        return rssWithinNoise() && connections > 0 ? (double) rssNoiseFloor / connections : null;
    }
}
