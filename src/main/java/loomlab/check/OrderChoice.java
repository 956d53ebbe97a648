package loomlab.check;

/** The byte order a UDP calc server is checked against: little (the lecture's), big, or whichever it uses. */
public enum OrderChoice { LITTLE, BIG, DETECT }
