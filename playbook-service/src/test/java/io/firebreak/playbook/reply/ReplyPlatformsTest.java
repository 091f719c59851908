package io.firebreak.playbook.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyPlatformsTest {

    @Test
    void aChannelIsOnTheMentionsPlatformByNameOrAccountKind() {
        assertThat(ReplyPlatforms.same("mastodon", "MASTODON")).isTrue();
        assertThat(ReplyPlatforms.same("facebook", "FACEBOOK_PAGE")).isTrue();
        assertThat(ReplyPlatforms.same("x", "X")).isTrue();
    }

    @Test
    void otherPlatformsAreNot() {
        assertThat(ReplyPlatforms.same("mastodon", "X")).isFalse();
        assertThat(ReplyPlatforms.same("x", "XING")).isFalse();
        assertThat(ReplyPlatforms.same(null, "X")).isFalse();
    }
}
