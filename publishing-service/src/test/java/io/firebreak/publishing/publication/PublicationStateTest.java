package io.firebreak.publishing.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationStateTest {

    @Test
    void publishedAndCancelledAreFinal() {
        assertThat(PublicationState.PUBLISHED.next()).isEmpty();
        assertThat(PublicationState.CANCELLED.next()).isEmpty();
    }

    @Test
    void aPostInFlightCannotBeCancelled() {
        assertThat(PublicationState.PUBLISHING.canMoveTo(PublicationState.CANCELLED)).isFalse();
    }

    @Test
    void anUnknownPostIsOnlyClaimedAgainToBeLookedUpNeverSimplyRetried() {
        assertThat(PublicationState.UNKNOWN.canMoveTo(PublicationState.PUBLISHING)).isTrue();
        assertThat(PublicationState.UNKNOWN.canMoveTo(PublicationState.RETRYING)).isFalse();
        assertThat(PublicationState.UNKNOWN.canMoveTo(PublicationState.PUBLISHED)).isFalse();
        assertThat(PublicationState.UNKNOWN.canMoveTo(PublicationState.FAILED)).isFalse();
    }

    @Test
    void onlyWaitingPostsCanBeHeld() {
        assertThat(PublicationState.SCHEDULED.canMoveTo(PublicationState.HELD)).isTrue();
        assertThat(PublicationState.RETRYING.canMoveTo(PublicationState.HELD)).isTrue();
        assertThat(PublicationState.PUBLISHING.canMoveTo(PublicationState.HELD)).isFalse();
        assertThat(PublicationState.PUBLISHED.canMoveTo(PublicationState.HELD)).isFalse();
    }
}
