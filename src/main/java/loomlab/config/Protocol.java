package loomlab.config;

/** What a service speaks. */
public enum Protocol { ECHO, CALC }
