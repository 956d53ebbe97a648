package loomlab.config;

import java.time.Duration;

/**
 * Warnings about pinned virtual threads: a virtual thread that blocks while it cannot leave its
 * carrier (inside {@code synchronized} on JDK 21-23, in native code, in a class initializer)
 * holds one of the few carrier threads, and the whole virtual mode slows down. Recorded with JFR's
 * {@code jdk.VirtualThreadPinned} event where the runtime has it.
 *
 * @param enabled   record and warn (only when some service runs in mode virtual)
 * @param threshold pins shorter than this are ignored
 */
public record PinningConfig(boolean enabled, Duration threshold) {

    public static final PinningConfig DEFAULT = new PinningConfig(true, Duration.ofMillis(20));

    /** A builder at {@link #DEFAULT}. */
    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets fields one by one (the config reader's way to make one); {@link #build} makes the record. */
    public static final class Builder {
        private boolean enabled;
        private Duration threshold;

        private Builder(PinningConfig from) {
            enabled = from.enabled;
            threshold = from.threshold;
        }

        public Builder enabled(boolean on) {
            enabled = on;
            return this;
        }

        public Builder threshold(Duration shortest) {
            threshold = shortest;
            return this;
        }

        public PinningConfig build() {
            return new PinningConfig(enabled, threshold);
        }
    }
}
