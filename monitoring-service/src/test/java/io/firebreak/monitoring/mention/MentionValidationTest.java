package io.firebreak.monitoring.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MentionValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String SOURCE_PROBLEM = "source is required: 1 to 64 lower-case letters, digits, '.', '_' or '-'";
    private static final String LANGUAGE_PROBLEM = "language must be an ISO 639 code in lower case, such as en or fr";

    @Test
    void aCompleteMentionHasNoProblem() {
        assertThat(MentionValidation.problem(input("mastodon", "fr"), NOW)).isEmpty();
        assertThat(MentionValidation.problem(input("bluesky.jetstream_2-b", null), NOW)).isEmpty();
    }

    @Test
    void sourcesAndLanguagesAreCheckedAsTheirDocumentedPatternsSay() {
        Pattern source = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
        Pattern language = Pattern.compile("[a-z]{2,3}");
        Random random = new Random(7);
        String alphabet = "az09._-AZé @";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 70 : 5);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(MentionValidation.problem(input(candidate, "en"), NOW))
                    .as("source %s", candidate)
                    .isEqualTo(source.matcher(candidate).matches() ? Optional.empty() : Optional.of(SOURCE_PROBLEM));
            assertThat(MentionValidation.problem(input("mastodon", candidate), NOW))
                    .as("language %s", candidate)
                    .isEqualTo(language.matcher(candidate).matches() ? Optional.empty()
                            : Optional.of(LANGUAGE_PROBLEM));
        }
    }

    @Test
    void aSourceOfSixtyFourCharactersIsTheLongestAccepted() {
        assertThat(MentionValidation.problem(input("a".repeat(64), "en"), NOW)).isEmpty();
        assertThat(MentionValidation.problem(input("a".repeat(65), "en"), NOW)).contains(SOURCE_PROBLEM);
        assertThat(MentionValidation.problem(input(null, "en"), NOW)).contains(SOURCE_PROBLEM);
        assertThat(MentionValidation.problem(input("-lead", "en"), NOW)).contains(SOURCE_PROBLEM);
    }

    private static MentionInput input(String source, String language) {
        return new MentionInput(source, "42", "@someone", "Le service est en panne", language,
                "https://example.org/42", NOW.minusSeconds(60), 10L, 2L);
    }
}
