package io.firebreak.playbook.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneGateTest {

    @Test
    void courteousAndReviewedStatementsMayBeApproved() {
        assertThat(ToneGate.approvable("COURTEOUS")).isTrue();
        assertThat(ToneGate.approvable("NEEDS_REVIEW")).isTrue();
    }

    @Test
    void refusedMissingOrUnknownVerdictsBlockApproval() {
        assertThat(ToneGate.approvable("REFUSED")).isFalse();
        assertThat(ToneGate.approvable(null)).isFalse();
        assertThat(ToneGate.approvable("SOMETHING_NEW")).isFalse();
    }
}
