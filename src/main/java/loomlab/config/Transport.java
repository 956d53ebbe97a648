package loomlab.config;

/** How a service is reached. */
public enum Transport { TCP, UDP }
