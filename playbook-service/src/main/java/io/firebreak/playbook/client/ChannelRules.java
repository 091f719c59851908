package io.firebreak.playbook.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** What publishing-service's {@code GET /api/channels/{id}/rules} answers, as far as replies need it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelRules(UUID channelId, String platform, int maxLength, boolean replies) {
}
