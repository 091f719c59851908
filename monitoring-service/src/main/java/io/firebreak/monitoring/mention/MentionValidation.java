package io.firebreak.monitoring.mention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Why a mention is refused, if it is: the limits of {@code mentions.raw.v1}'s schema, and a sane date. */
final class MentionValidation {

    /** Clocks differ; a post "published" further in the future than this is a bug upstream. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private MentionValidation() {
    }

    static Optional<String> problem(MentionInput input, Instant now) {
        if (input == null) {
            return Optional.of("the record is null");
        }
        if (!isSource(input.source())) {
            return Optional.of("source is required: 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (input.externalId() == null || input.externalId().isBlank() || input.externalId().length() > 256) {
            return Optional.of("externalId is required, at most 256 characters");
        }
        if (input.text() == null || input.text().isBlank() || input.text().length() > 10_000) {
            return Optional.of("text is required, at most 10000 characters");
        }
        if (input.author() != null && input.author().length() > 256) {
            return Optional.of("author is at most 256 characters");
        }
        if (input.url() != null && input.url().length() > 2048) {
            return Optional.of("url is at most 2048 characters");
        }
        if (input.language() != null && !isLanguageCode(input.language())) {
            return Optional.of("language must be an ISO 639 code in lower case, such as en or fr");
        }
        if (input.publishedAt() == null) {
            return Optional.of("publishedAt is required");
        }
        if (input.publishedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("publishedAt is in the future");
        }
        if (input.reach() != null && input.reach() < 0 || input.engagement() != null && input.engagement() < 0) {
            return Optional.of("reach and engagement cannot be negative");
        }
        return Optional.empty();
    }

    /** {@code [a-z0-9][a-z0-9._-]{0,63}}, checked without a regular expression: every mention passes here. */
    private static boolean isSource(String source) {
        if (source == null || source.isEmpty() || source.length() > 64 || !isLowerAlphanumeric(source.charAt(0))) {
            return false;
        }
        for (int i = 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z]{2,3}}. */
    private static boolean isLanguageCode(String language) {
        if (language.length() < 2 || language.length() > 3) {
            return false;
        }
        for (int i = 0; i < language.length(); i++) {
            char c = language.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
