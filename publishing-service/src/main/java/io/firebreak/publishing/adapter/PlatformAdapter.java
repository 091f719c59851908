package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Speaks one platform's documented HTTP API. Failures are {@link PlatformException}s that say whether a retry
 * can help, so that the dispatcher retries what is transient and never marks a channel broken for it.
 */
public interface PlatformAdapter {

    Platform platform();

    /**
     * True when the platform recognises a repeated request by its idempotency key: a send interrupted mid-call
     * may then be re-sent safely. False means a re-send could double-post.
     */
    boolean idempotent();

    /** Posts {@code post}'s parts in order (each a reply to the previous one); the first post's id and URL. */
    Uni<Published> publish(ChannelAccess channel, Post post);

    /** Checks the credentials and reads the account's limits, without posting anything. */
    Uni<Verified> verify(ChannelAccess channel);

    /**
     * True when {@link #publish} posts a {@link Post#replyTo() reply} in the answered post's thread; adapters that
     * cannot are never given one (the publication fails first, see {@code ReplyRules}).
     */
    default boolean canReply() {
        return false;
    }

    /** True when {@link #lookUp} can tell whether an interrupted send went out after all. */
    default boolean canLookUp() {
        return false;
    }

    /**
     * Looks for {@code post}'s parts among the account's own posts since {@code since}, without posting: what
     * decides, after a send was interrupted mid-call, whether sending again would double-post.
     */
    default Uni<Lookup> lookUp(ChannelAccess channel, Post post, Instant since) {
        return Uni.createFrom().failure(new UnsupportedOperationException(platform() + " has no post lookup"));
    }

    /** What an adapter needs of a channel; credentials decrypted for this call only. */
    record ChannelAccess(UUID channelId, String baseUrl, String account, Map<String, String> credentials) {

        public String credential(String field) {
            String value = credentials.get(field);
            if (value == null || value.isBlank()) {
                throw PlatformException.unauthorized(0, "channel " + channelId + " has no " + field);
            }
            return value;
        }

        @Override
        public String toString() {
            return "ChannelAccess[" + channelId + ", " + baseUrl + "]";
        }
    }

    /**
     * {@code idempotencyKey} is stable across retries of one publication, and so is {@code createdAt} (when the
     * publication was created; null outside the dispatcher): what a deterministic record key is derived from.
     * {@code replyTo}: the post this one answers, in its thread; null for a post of its own.
     */
    record Post(String idempotencyKey, List<String> parts, Instant createdAt, ReplyTo replyTo) {

        public Post(String idempotencyKey, List<String> parts, Instant createdAt) {
            this(idempotencyKey, parts, createdAt, null);
        }

        public Post(String idempotencyKey, List<String> parts) {
            this(idempotencyKey, parts, null, null);
        }
    }

    /**
     * The post a reply answers: the platform's id of it (Mastodon status id, Bluesky at-uri, tweet id, Facebook
     * post id) and its public URL (may be null), as monitoring received it.
     */
    record ReplyTo(String postId, String postUrl) {
    }

    record Published(String externalId, String url) {
    }

    /** What a lookup found: every part (the first one's id and URL), none, or only some of a thread. */
    record Lookup(Outcome outcome, Published first) {

        public enum Outcome { FOUND, ABSENT, PARTIAL }

        public static Lookup found(Published first) {
            return new Lookup(Outcome.FOUND, first);
        }

        public static Lookup absent() {
            return new Lookup(Outcome.ABSENT, null);
        }

        public static Lookup partial() {
            return new Lookup(Outcome.PARTIAL, null);
        }
    }

    /** {@code maxLength}: the account's own limit where the platform has one per instance (Mastodon). */
    record Verified(String account, Integer maxLength) {
    }
}
