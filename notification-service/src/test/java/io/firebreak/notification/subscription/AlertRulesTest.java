package io.firebreak.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void aSignalIsNewsWhenFirstSeenOpenAndWhenItGetsWorse() {
        assertThat(AlertRules.forSignal("OPEN", Severity.MEDIUM, List.of()))
                .contains(SubscriptionAlert.Kind.SIGNAL_RAISED);
        assertThat(AlertRules.forSignal("OPEN", Severity.HIGH, List.of(Severity.MEDIUM)))
                .contains(SubscriptionAlert.Kind.SIGNAL_ESCALATED);
        assertThat(AlertRules.forSignal("OPEN", Severity.HIGH, List.of(Severity.MEDIUM, Severity.HIGH))).isEmpty();
        assertThat(AlertRules.forSignal("OPEN", Severity.LOW, List.of(Severity.MEDIUM))).isEmpty();
        assertThat(AlertRules.forSignal("CLOSED", Severity.CRITICAL, List.of())).isEmpty();
    }

    @Test
    void onlyFailedAndHeldPublicationsNeedACommunicator() {
        assertThat(AlertRules.forPublication("FAILED")).contains(SubscriptionAlert.Kind.PUBLICATION_FAILED);
        assertThat(AlertRules.forPublication("HELD")).contains(SubscriptionAlert.Kind.PUBLICATION_HELD);
        assertThat(AlertRules.forPublication("PUBLISHED")).isEmpty();
        assertThat(AlertRules.forPublication("RETRYING")).isEmpty();
    }
}
