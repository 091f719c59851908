package io.firebreak.monitoring.mention;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of mention ingestion. */
public final class MentionDtos {

    public static final int MAX_BATCH = 1000;

    private MentionDtos() {
    }

    /** Each record is read on its own (see MentionReader), so that one wrong-typed field loses only its record. */
    public record MentionBatch(@NotNull @Size(min = 1, max = MAX_BATCH) List<JsonNode> mentions) {
    }

    /** A stored mention: where it was in the batch, its id, sentiment and the watches it matched. */
    public record Accepted(int index, UUID mentionId, String language, String sentimentLabel, double sentimentScore,
                           List<UUID> watchIds) {
    }

    /** A record refused, with the reason; the rest of the batch is kept. */
    public record Rejected(int index, String externalId, String reason) {
    }

    /** @param duplicates records already stored (same source and external id), or repeated in the batch */
    public record IngestionReport(List<Accepted> accepted, int duplicates, List<Rejected> rejected) {
    }

    /**
     * A mention as the inbox shows it. {@code priority}: how urgently it needs a look now (MentionPriority:
     * influence, negativity, a question asked, minus one point per six hours of age); larger first.
     */
    public record MentionView(UUID id, String source, String externalId, String author, String text, String url,
                              String language, Instant publishedAt, Instant receivedAt, Long reach, Long engagement,
                              String sentimentLabel, double sentimentScore, boolean question, double priority,
                              List<UUID> watchIds) {

        static MentionView of(Mention mention, Instant now) {
            double priority = MentionPriority.priority(
                    MentionPriority.rank(mention.intrinsicPriority(), mention.getPublishedAt()), now);
            return new MentionView(mention.getId(), mention.getSource(), mention.getExternalId(), mention.getAuthor(),
                    mention.getText(), mention.getUrl(), mention.getLanguage(), mention.getPublishedAt(),
                    mention.getReceivedAt(), mention.getReach(), mention.getEngagement(), mention.getSentimentLabel(),
                    mention.getSentimentScore(), mention.isQuestion(), Math.round(priority * 1000) / 1000.0,
                    mention.getWatchIds());
        }
    }

    /**
     * What a history import did: posts counted in the watch's buckets, duplicates (repeated in the batch or imported
     * before), posts the watch's query does not match, records refused with their reason (including those published
     * in or after the watch's first live bucket), and where the watch's detection now starts.
     */
    public record HistoryReport(int counted, int duplicates, int notMatching, List<Rejected> rejected,
                                Instant detectionStart, Instant firstLiveBucket) {
    }
}
