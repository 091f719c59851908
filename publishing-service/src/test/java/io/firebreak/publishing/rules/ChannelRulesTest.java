package io.firebreak.publishing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelRulesTest {

    private static final ChannelRules X = ChannelRules.of(Platform.X, null);
    private static final ChannelRules BLUESKY = ChannelRules.of(Platform.BLUESKY, null);

    @Test
    void xCountsEveryUrlAs23WhateverItsLength() {
        String url = "https://status.example.com/incidents/2026/11/23/bank-app-outage-detailed-report";
        assertThat(LengthCounting.X_WEIGHTED.count("See " + url)).isEqualTo(4 + 23);
        assertThat(LengthCounting.X_WEIGHTED.count("http://a.io")).isEqualTo(23);
    }

    @Test
    void xCountsCjkAndEmojiTwice() {
        assertThat(LengthCounting.X_WEIGHTED.count("日本語")).isEqualTo(6);
        assertThat(LengthCounting.X_WEIGHTED.count("café")).isEqualTo(4);
        assertThat(LengthCounting.X_WEIGHTED.count("😀")).isEqualTo(2);
    }

    @Test
    void blueskyCountsGraphemesNotCodeUnits() {
        String family = "👨‍👩‍👧"; // one grapheme, 5 code points, 8 UTF-16 units
        assertThat(LengthCounting.GRAPHEMES.count("🇫🇷")).isEqualTo(1);
        assertThat(LengthCounting.GRAPHEMES.count(family + "e\u0301")).isEqualTo(2);
        assertThat(BLUESKY.check(family.repeat(300), false).ok()).isTrue();
        assertThat(BLUESKY.check(family.repeat(301), false).overflow()).isEqualTo(1);
    }

    @Test
    void mastodonUsesTheInstanceLimitAndDefaultsTo500() {
        assertThat(ChannelRules.of(Platform.MASTODON, null).maxLength()).isEqualTo(500);
        ChannelRules big = ChannelRules.of(Platform.MASTODON, 5000);
        assertThat(big.check("a".repeat(4000), false).ok()).isTrue();
        assertThat(LengthCounting.CODE_POINTS_URL_23.count("https://example.com/" + "x".repeat(100))).isEqualTo(23);
    }

    @Test
    void aTextThatFitsIsOnePost() {
        TextCheck check = X.check("We are aware of the outage and are working on it.", false);
        assertThat(check.ok()).isTrue();
        assertThat(check.parts()).hasSize(1);
        assertThat(check.length()).isEqualTo(49);
    }

    @Test
    void tooLongWithoutThreadIsRejectedWithTheExactOverflowAndWhere() {
        TextCheck check = X.check("a".repeat(290), false);
        assertThat(check.ok()).isFalse();
        assertThat(check.problem()).isEqualTo("TOO_LONG");
        assertThat(check.overflow()).isEqualTo(10);
        assertThat(check.overflowAt()).isEqualTo(280);
        assertThat(check.detail()).contains("290", "280", "10 over", "character 280");
    }

    @Test
    void overflowPositionAccountsForWeights() {
        // 140 CJK characters weigh 280; the 141st is the first one over.
        TextCheck check = X.check("語".repeat(141), false);
        assertThat(check.overflow()).isEqualTo(2);
        assertThat(check.overflowAt()).isEqualTo(140);
    }

    @Test
    void tooLongWithThreadAllowedIsSplitIntoANumberedThreadOfPostsThatFit() {
        String text = "word ".repeat(200).strip(); // 999 characters
        TextCheck check = X.check(text, true);
        assertThat(check.ok()).isTrue();
        assertThat(check.parts()).hasSizeGreaterThan(3);
        for (int i = 0; i < check.parts().size(); i++) {
            String part = check.parts().get(i);
            assertThat(LengthCounting.X_WEIGHTED.count(part)).isLessThanOrEqualTo(280);
            assertThat(part).endsWith(" (" + (i + 1) + "/" + check.parts().size() + ")");
        }
        String rejoined = String.join(" ", check.parts().stream()
                .map(part -> part.substring(0, part.lastIndexOf(" ("))).toList());
        assertThat(rejoined).isEqualTo(text);
    }

    @Test
    void aPlatformWithoutThreadsRejectsEvenWhenTheStatementAllowsThreads() {
        TextCheck check = ChannelRules.of(Platform.LINKEDIN_ORG, null).check("b".repeat(3001), true);
        assertThat(check.ok()).isFalse();
        assertThat(check.overflow()).isEqualTo(1);
        assertThat(check.detail()).contains("has no threads");
    }

    @Test
    void facebookAndLinkedInCountCharactersUpToTheirDocumentedLimits() {
        assertThat(ChannelRules.of(Platform.FACEBOOK_PAGE, null).check("é".repeat(63_206), false).ok()).isTrue();
        TextCheck facebook = ChannelRules.of(Platform.FACEBOOK_PAGE, null).check("é".repeat(63_207), false);
        assertThat(facebook.ok()).isFalse();
        assertThat(facebook.overflow()).isEqualTo(1);
        assertThat(ChannelRules.of(Platform.LINKEDIN_ORG, null).check("(".repeat(3_000), false).ok()).isTrue();
    }

    @Test
    void teamsCountsTheBytesOfTheTextSoTheCardStaysUnderTheMessageSizeLimit() {
        ChannelRules teams = ChannelRules.of(Platform.TEAMS_WEBHOOK, null);
        assertThat(teams.counting()).isEqualTo(LengthCounting.UTF8_BYTES);
        assertThat(teams.check("a".repeat(24_000), false).ok()).isTrue();
        TextCheck accented = teams.check("é".repeat(12_001), false);
        assertThat(accented.ok()).isFalse();
        assertThat(accented.overflow()).isEqualTo(2);
        assertThat(accented.overflowAt()).isEqualTo(12_000);
        assertThat(LengthCounting.UTF8_BYTES.count("a€😀")).isEqualTo(1 + 3 + 4);
    }

    @Test
    void aWordLongerThanAPostIsCut() {
        TextCheck check = BLUESKY.check("x".repeat(700), true);
        assertThat(check.ok()).isTrue();
        assertThat(check.parts()).allSatisfy(part -> assertThat(LengthCounting.GRAPHEMES.count(part)).isLessThanOrEqualTo(300));
    }

    @Test
    void telegramCountsUtf16Units() {
        assertThat(ChannelRules.of(Platform.TELEGRAM, null).check("😀".repeat(2049), false).overflow()).isEqualTo(2);
    }

    @Test
    void emptyTextIsRejected() {
        assertThat(X.check("  ", true).problem()).isEqualTo("EMPTY");
    }
}
