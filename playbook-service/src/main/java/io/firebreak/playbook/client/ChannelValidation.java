package io.firebreak.playbook.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * What publishing-service's {@code POST /api/channels/validate} answers: one verdict per channel. Tolerant of fields
 * it adds later; the platform stays a string so that a new platform does not break the call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelValidation(boolean ok, List<Verdict> channels) {

    public ChannelValidation {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /**
     * {@code problem}: null when ok, else a stable code (EMPTY, TOO_LONG...); {@code overflowAt}: the code-point index
     * of the first character past the limit; {@code overflow}: by how much, in the platform's unit.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verdict(UUID channelId, String platform, boolean ok, int length, int limit, String problem,
                          String detail, Integer overflowAt, int overflow, int posts) {
    }
}
