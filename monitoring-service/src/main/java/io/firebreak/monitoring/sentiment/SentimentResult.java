package io.firebreak.monitoring.sentiment;

import java.util.List;

/**
 * The sentiment of one text.
 *
 * @param score from -1 (very negative) to 1 (very positive)
 * @param cues  the words, expressions, emojis or emoticons that decided it, strongest first
 */
public record SentimentResult(SentimentLabel label, double score, Language language, List<String> cues) {
}
