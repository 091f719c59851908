package io.firebreak.playbook.reply;

import static io.firebreak.playbook.playbook.PlaybookDefinition.ReplyApproval.ALWAYS_APPROVER;
import static io.firebreak.playbook.playbook.PlaybookDefinition.ReplyApproval.TEMPLATE_AFTER_TONE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.reply.ReplyPolicy.Outcome;
import org.junit.jupiter.api.Test;

class ReplyPolicyTest {

    @Test
    void exactCourteousTemplateGoesOutOnThePolicysWord() {
        assertThat(ReplyPolicy.onSend(TEMPLATE_AFTER_TONE_CHECK, true, "COURTEOUS")).isEqualTo(Outcome.BY_POLICY);
    }

    @Test
    void freeOrEditedRepliesNeedAnApprover() {
        assertThat(ReplyPolicy.onSend(TEMPLATE_AFTER_TONE_CHECK, false, "COURTEOUS")).isEqualTo(Outcome.APPROVER);
    }

    @Test
    void minorToneFindingsNeedAnApproverEvenForATemplate() {
        assertThat(ReplyPolicy.onSend(TEMPLATE_AFTER_TONE_CHECK, true, "NEEDS_REVIEW")).isEqualTo(Outcome.APPROVER);
    }

    @Test
    void alwaysApproverPolicyNeverLetsAReplyOutAlone() {
        assertThat(ReplyPolicy.onSend(ALWAYS_APPROVER, true, "COURTEOUS")).isEqualTo(Outcome.APPROVER);
    }

    @Test
    void refusedOrUnknownToneIsRefusedWhateverThePolicy() {
        assertThat(ReplyPolicy.onSend(TEMPLATE_AFTER_TONE_CHECK, true, "REFUSED")).isEqualTo(Outcome.REFUSED);
        assertThat(ReplyPolicy.onSend(ALWAYS_APPROVER, false, "SARCASTIC")).isEqualTo(Outcome.REFUSED);
        assertThat(ReplyPolicy.onSend(TEMPLATE_AFTER_TONE_CHECK, true, null)).isEqualTo(Outcome.REFUSED);
    }
}
