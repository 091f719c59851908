package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
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

    /** {@code idempotencyKey} is stable across retries of one publication. */
    record Post(String idempotencyKey, List<String> parts) {
    }

    record Published(String externalId, String url) {
    }

    /** {@code maxLength}: the account's own limit where the platform has one per instance (Mastodon). */
    record Verified(String account, Integer maxLength) {
    }
}
