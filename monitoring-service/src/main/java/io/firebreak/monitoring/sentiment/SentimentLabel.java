package io.firebreak.monitoring.sentiment;

import java.util.Locale;

public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** "negative", "neutral" or "positive": the form of the command line and of events. */
    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
