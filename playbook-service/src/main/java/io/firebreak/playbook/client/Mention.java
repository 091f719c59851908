package io.firebreak.playbook.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mention as monitoring-service's {@code GET /api/mentions} answers it. Tolerant of fields it adds later; labels
 * stay strings so that a new label does not break the call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mention(UUID id, String source, String externalId, String author, String text, String url,
                      String language, Instant publishedAt, Instant receivedAt, Long reach, Long engagement,
                      String sentimentLabel, Double sentimentScore, Boolean question, Double priority,
                      List<UUID> watchIds) {

    public Mention {
        watchIds = watchIds == null ? List.of() : List.copyOf(watchIds);
    }
}
