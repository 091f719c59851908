package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(10));

    @Test
    void transientFailuresAreRetriedWithDoublingBackOff() {
        assertThat(policy.nextDelay(1, true)).contains(Duration.ofSeconds(10));
        assertThat(policy.nextDelay(2, true)).contains(Duration.ofSeconds(20));
        assertThat(policy.nextDelay(3, true)).contains(Duration.ofSeconds(40));
    }

    @Test
    void theLastAttemptIsNotRetried() {
        assertThat(policy.nextDelay(4, true)).isEmpty();
    }

    @Test
    void permanentFailuresAreNeverRetried() {
        assertThat(policy.nextDelay(1, false)).isEmpty();
    }
}
