package loomlab.config;

/** How a TCP service runs its connections. */
public enum Mode {
    /** One connection at a time, as the lecture's first servers; others wait in the backlog. */
    SERIAL,
    /** A new virtual thread per accepted connection (the default). */
    VIRTUAL,
    /** A new platform thread per accepted connection, as the lecture's threaded server. */
    PLATFORM
}
