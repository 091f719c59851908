package io.firebreak.monitoring.tone;

/**
 * One flagged passage.
 *
 * @param start   offset of its first character in the checked text (UTF-16 units, as in Java and JavaScript)
 * @param end     offset just after its last character
 * @param excerpt the passage as written, text.substring(start, end)
 * @param reason  why it is flagged and what to do instead, in the language of the rule
 */
public record ToneFinding(ToneCategory category, ToneSeverity severity, int start, int end, String excerpt,
                          String reason) {
}
