package io.firebreak.playbook.crisis;

import static io.firebreak.events.CrisisStatus.ACTIVE;
import static io.firebreak.events.CrisisStatus.CONTAINED;
import static io.firebreak.events.CrisisStatus.DISMISSED;
import static io.firebreak.events.CrisisStatus.PROPOSED;
import static io.firebreak.events.CrisisStatus.RESOLVED;
import static io.firebreak.events.CrisisStatus.REVIEWED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrisisLifecycleTest {

    @Test
    void theUsualPathIsAllowed() {
        assertThat(CrisisLifecycle.allows(PROPOSED, ACTIVE)).isTrue();
        assertThat(CrisisLifecycle.allows(ACTIVE, CONTAINED)).isTrue();
        assertThat(CrisisLifecycle.allows(CONTAINED, RESOLVED)).isTrue();
        assertThat(CrisisLifecycle.allows(RESOLVED, REVIEWED)).isTrue();
    }

    @Test
    void proposalsAndLiveCrisesMayBeDismissedButNotLaterOnes() {
        assertThat(CrisisLifecycle.allows(PROPOSED, DISMISSED)).isTrue();
        assertThat(CrisisLifecycle.allows(ACTIVE, DISMISSED)).isTrue();
        assertThat(CrisisLifecycle.allows(RESOLVED, DISMISSED)).isFalse();
    }

    @Test
    void aContainedCrisisMayFlareUpAgain() {
        assertThat(CrisisLifecycle.allows(CONTAINED, ACTIVE)).isTrue();
    }

    @Test
    void endStatesLeadNowhere() {
        assertThat(CrisisLifecycle.next(DISMISSED)).isEmpty();
        assertThat(CrisisLifecycle.next(REVIEWED)).isEmpty();
        assertThat(CrisisLifecycle.allows(DISMISSED, RESOLVED)).isFalse();
    }

    @Test
    void stepsCannotBeSkippedOrReversed() {
        assertThat(CrisisLifecycle.allows(PROPOSED, RESOLVED)).isFalse();
        assertThat(CrisisLifecycle.allows(PROPOSED, CONTAINED)).isFalse();
        assertThat(CrisisLifecycle.allows(ACTIVE, PROPOSED)).isFalse();
        assertThat(CrisisLifecycle.allows(ACTIVE, REVIEWED)).isFalse();
    }
}
