package io.firebreak.playbook.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * What publishing-service's {@code POST /api/channels/validate} reads. {@code allowThread} is false: a statement
 * goes out as one post per channel, as the {@code playbook.statements.v1} event asks. {@code replyToPlatform}: for
 * a reply, the platform of the post it answers (a mention's source); a channel that cannot reply there says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelValidationRequest(String text, List<UUID> channelIds, boolean allowThread,
                                       String replyToPlatform) {

    /** A statement to the public, not a reply. */
    public ChannelValidationRequest(String text, List<UUID> channelIds, boolean allowThread) {
        this(text, channelIds, allowThread, null);
    }
}
