package io.firebreak.monitoring.mention;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
}
