package io.firebreak.playbook.reply;

import java.util.Locale;

/**
 * Whether a publishing channel's platform (MASTODON, BLUESKY, X, FACEBOOK_PAGE ...) is the one a mention was posted
 * on (its source: mastodon, bluesky, x, facebook ...): same name, or the channel's platform is a kind of account on
 * it (FACEBOOK_PAGE on facebook, LINKEDIN_ORG on linkedin).
 */
public final class ReplyPlatforms {

    private ReplyPlatforms() {
    }

    public static boolean same(String mentionSource, String channelPlatform) {
        if (mentionSource == null || channelPlatform == null) {
            return false;
        }
        String source = mentionSource.strip().toLowerCase(Locale.ROOT);
        String platform = channelPlatform.strip().toLowerCase(Locale.ROOT);
        return platform.equals(source) || platform.startsWith(source + "_");
    }
}
