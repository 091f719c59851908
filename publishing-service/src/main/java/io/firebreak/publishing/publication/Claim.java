package io.firebreak.publishing.publication;

import io.firebreak.publishing.adapter.PlatformAdapter;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.ReplyTo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A publication one replica claimed, with everything needed to send it outside the claiming transaction.
 * {@code lookUpFirst}: an earlier send may have gone out unanswered, so the platform is asked first for posts since
 * {@code since}. {@code replyTo}: the post a reply answers, null for anything else.
 */
record Claim(UUID publicationId, PlatformAdapter adapter, ChannelAccess access, List<String> parts, int attempt,
             boolean lookUpFirst, Instant since, ReplyTo replyTo) {
}
