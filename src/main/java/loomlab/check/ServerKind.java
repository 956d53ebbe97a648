package loomlab.check;

/** How a TCP calc server serves clients: one at a time (server_calc.py) or several at once (server_calc_conc.py). */
public enum ServerKind { SERIAL, CONCURRENT }
