package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved statement ready to publish, or withdrawn before it went out ({@code playbook.statements.v1}).
 * A reply to a critic travels the same way, with phase {@code REPLY} and the post it answers in {@code replyTo},
 * so that it gets the statements' exactly-once publishing, retries and reconciliation.
 */
public record StatementChanged(
        UUID statementId,
        UUID crisisId,
        String phase,
        String language,
        String text,
        List<UUID> channelIds,
        Instant scheduledAt,
        boolean allowThread,
        boolean drill,
        String approvedBy,
        Instant changedAt,
        ReplyTarget replyTo) {

    public static final String REPLY_PHASE = "REPLY";

    /** A statement to the public, not a reply. */
    public StatementChanged(UUID statementId, UUID crisisId, String phase, String language, String text,
                            List<UUID> channelIds, Instant scheduledAt, boolean allowThread, boolean drill,
                            String approvedBy, Instant changedAt) {
        this(statementId, crisisId, phase, language, text, channelIds, scheduledAt, allowThread, drill,
                approvedBy, changedAt, null);
    }

    /**
     * The post a reply answers, as monitoring-service received it.
     *
     * @param platform the platform it was posted on (a mention's source: mastodon, bluesky, x, facebook ...)
     * @param postId   the platform's id of the post (Mastodon status id, Bluesky at-uri, tweet id, Facebook post id)
     * @param postUrl  its public address, which lets an adapter find the post from another instance
     * @param author   who wrote it, as the platform names them
     */
    public record ReplyTarget(String platform, String postId, String postUrl, String author) {
    }
}
