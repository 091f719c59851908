package io.firebreak.monitoring.tone;

public enum ToneCategory {
    /** Insults, threats, shouting. */
    AGGRESSIVE,
    /** Belittling the critics or their complaints. */
    CONTEMPTUOUS,
    /** Putting the fault on the public, the customers, "malicious" users. */
    BLAMING,
    /** Saying the opposite of what is meant. */
    SARCASTIC,
    /** Refusing to answer or to own the facts: "no comment", "we decline any responsibility". */
    EVASIVE
}
