package io.firebreak.monitoring.sentiment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The REST shapes of the sentiment feature. */
public final class SentimentDtos {

    public static final int MAX_TEXTS = 1000;
    public static final int MAX_TEXT_LENGTH = 10_000;

    private SentimentDtos() {
    }

    /**
     * Texts to score, answered in the same order.
     *
     * @param language "en" or "fr" for every text; absent: detected text by text
     */
    public record SentimentRequest(
            @NotNull @Size(min = 1, max = MAX_TEXTS) List<@NotNull @Size(max = MAX_TEXT_LENGTH) String> texts,
            String language) {
    }

    public record SentimentView(String label, double score, String language, List<String> cues) {

        static SentimentView of(SentimentResult result) {
            return new SentimentView(result.label().lowerCase(), result.score(), result.language().code(),
                    result.cues());
        }
    }

    public record SentimentResponse(List<SentimentView> results) {
    }
}
