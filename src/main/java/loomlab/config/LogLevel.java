package loomlab.config;

/** How much the server says. */
public enum LogLevel {
    /** Everything, including per-request detail. */
    DEBUG,
    /** Start-up, one line per connection (as the lecture's servers print), shutdown summary. */
    INFO,
    /** Like INFO without the per-connection lines: for demos and benchmarks. */
    QUIET,
    /** Only warnings and errors. */
    WARNING
}
