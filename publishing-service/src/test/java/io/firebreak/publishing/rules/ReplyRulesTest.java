package io.firebreak.publishing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyRulesTest {

    @Test
    void eachSocialNetworkAnswersPostsSeenOnItselfOnly() {
        assertThat(ReplyRules.check(Platform.MASTODON, "mastodon")).isNull();
        assertThat(ReplyRules.check(Platform.BLUESKY, "bluesky")).isNull();
        assertThat(ReplyRules.check(Platform.X, "x")).isNull();
        assertThat(ReplyRules.check(Platform.X, "Twitter")).isNull();
        assertThat(ReplyRules.check(Platform.FACEBOOK_PAGE, "facebook")).isNull();

        ReplyRules.Refusal mismatch = ReplyRules.check(Platform.MASTODON, "bluesky");
        assertThat(mismatch.problem()).isEqualTo(ReplyRules.PLATFORM_MISMATCH);
        assertThat(mismatch.detail()).contains("MASTODON", "bluesky");
        assertThat(mismatch.reason()).startsWith("reply-platform-mismatch: ");
    }

    @Test
    void channelsWithoutThreadsOfOthersCannotReply() {
        for (Platform platform : new Platform[] {Platform.LINKEDIN_ORG, Platform.TELEGRAM, Platform.SLACK_WEBHOOK,
                Platform.TEAMS_WEBHOOK, Platform.GENERIC_WEBHOOK}) {
            assertThat(ReplyRules.canReply(platform)).as(platform.name()).isFalse();
            assertThat(ReplyRules.check(platform, "linkedin").problem()).isEqualTo(ReplyRules.NOT_SUPPORTED);
        }
    }

    @Test
    void aSandboxChannelAnswersAnythingSoThatDrillsRehearseReplies() {
        assertThat(ReplyRules.canReply(Platform.SANDBOX)).isTrue();
        assertThat(ReplyRules.check(Platform.SANDBOX, "bluesky")).isNull();
        assertThat(ReplyRules.check(Platform.SANDBOX, "reddit")).isNull();
    }
}
