package io.firebreak.publishing.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.publishing.rules.Platform;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublicationTest {

    private static Publication promotional() {
        return Publication.scheduled(null, null, UUID.randomUUID(), Platform.MASTODON, "Sale!", true, false,
                Instant.now(), "cole", Instant.now());
    }

    @Test
    void aLiveCrisisHoldsPromotionalPostsButNeverAReplyToACritic() {
        Publication reply = promotional();
        reply.answering("mastodon", "1100", null, "@critic");

        assertThat(promotional().heldByLiveCrisis()).isTrue();
        assertThat(reply.heldByLiveCrisis()).isFalse();
    }

    @Test
    void aReplyIsNeverAThread() {
        Publication reply = promotional();
        reply.answering("x", "1850000000000000001", null, null);

        assertThat(reply.isReply()).isTrue();
        assertThat(reply.isAllowThread()).isFalse();
    }
}
