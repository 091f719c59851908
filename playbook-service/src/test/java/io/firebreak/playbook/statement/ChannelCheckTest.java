package io.firebreak.playbook.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.client.ChannelValidation;
import io.firebreak.playbook.client.ChannelValidation.Verdict;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelCheckTest {

    private static final UUID X = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID MASTODON = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private static Verdict fits(UUID channel) {
        return new Verdict(channel, "MASTODON", true, 300, 500, null, null, null, 0, 1);
    }

    private static Verdict tooLong(UUID channel) {
        return new Verdict(channel, "X", false, 300, 280, "TOO_LONG", "300 characters, the limit is 280", 280, 20, 0);
    }

    @Test
    void everyChannelTakingTheTextIsOk() {
        assertThat(ChannelCheck.statusOf(new ChannelValidation(true, List.of(fits(MASTODON)))))
                .isEqualTo(ChannelCheck.Status.OK);
    }

    @Test
    void oneChannelRefusingFailsTheCheckAndSaysWhereAndWhy() {
        List<Verdict> verdicts = List.of(tooLong(X), fits(MASTODON));
        assertThat(ChannelCheck.statusOf(new ChannelValidation(false, verdicts))).isEqualTo(ChannelCheck.Status.FAILED);
        assertThat(ChannelCheck.problems(verdicts)).containsExactly("channel " + X
                + " (X): TOO_LONG, 300 of 280 allowed, 20 over, from character 280 — 300 characters, the limit is 280");
    }

    @Test
    void noVerdictAtAllIsNotOk() {
        assertThat(ChannelCheck.statusOf(new ChannelValidation(true, List.of()))).isEqualTo(ChannelCheck.Status.FAILED);
    }

    @Test
    void onlyAPassingCheckLetsApprovalGoOn() {
        assertThat(ChannelCheck.approvable(ChannelCheck.Status.OK)).isTrue();
        assertThat(ChannelCheck.approvable(ChannelCheck.Status.FAILED)).isFalse();
        assertThat(ChannelCheck.approvable(ChannelCheck.Status.PENDING)).isFalse();
        assertThat(ChannelCheck.approvable(ChannelCheck.Status.UNAVAILABLE)).isFalse();
        assertThat(ChannelCheck.approvable(null)).isFalse();
    }
}
