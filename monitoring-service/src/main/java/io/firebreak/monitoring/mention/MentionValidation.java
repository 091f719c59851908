package io.firebreak.monitoring.mention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Why a mention is refused, if it is: the limits of {@code mentions.raw.v1}'s schema, and a sane date. */
final class MentionValidation {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    /** Clocks differ; a post "published" further in the future than this is a bug upstream. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private MentionValidation() {
    }

    static Optional<String> problem(MentionInput input, Instant now) {
        if (input == null) {
            return Optional.of("the record is null");
        }
        if (input.source() == null || !SOURCE.matcher(input.source()).matches()) {
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
        if (input.language() != null && !LANGUAGE.matcher(input.language()).matches()) {
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
}
