package io.firebreak.playbook.client;

import java.util.List;
import java.util.UUID;

/**
 * What publishing-service's {@code POST /api/channels/validate} reads. {@code allowThread} is false: a statement
 * goes out as one post per channel, as the {@code playbook.statements.v1} event asks.
 */
public record ChannelValidationRequest(String text, List<UUID> channelIds, boolean allowThread) {
}
