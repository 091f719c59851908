package io.firebreak.monitoring.sentiment;

import java.util.Locale;
import java.util.Optional;

/** The languages the sentiment analyzer and the tone checker know. */
public enum Language {
    EN, FR;

    /** The ISO 639-1 code, as used in events and over REST. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "fr", "FR", "fr-CA", "en_GB" → the language; anything else → empty. */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.length() < 2) {
            return Optional.empty();
        }
        return switch (code.substring(0, 2).toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(EN);
            case "fr" -> Optional.of(FR);
            default -> Optional.empty();
        };
    }
}
