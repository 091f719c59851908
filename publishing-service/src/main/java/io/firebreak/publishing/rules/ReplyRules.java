package io.firebreak.publishing.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Which channels can post a reply in another post's thread, and to posts seen where: a reply goes out on the
 * platform the critic posted on (a mention's source as monitoring names it, lower case), from the brand's account
 * there. A sandbox channel answers anything, so that drills rehearse replies too.
 */
public final class ReplyRules {

    public static final String NOT_SUPPORTED = "replies-not-supported";
    public static final String PLATFORM_MISMATCH = "reply-platform-mismatch";

    private ReplyRules() {
    }

    /** Why a channel cannot post a given reply: a stable code and words for a person. */
    public record Refusal(String problem, String detail) {

        /** How a publication that cannot go out records it: the code first, so that it can be told apart. */
        public String reason() {
            return problem + ": " + detail;
        }
    }

    public static boolean canReply(Platform platform) {
        return platform == Platform.SANDBOX || !sources(platform).isEmpty();
    }

    /** Null when a channel on {@code platform} can answer a post from {@code source}; else why not. */
    public static Refusal check(Platform platform, String source) {
        if (!canReply(platform)) {
            return new Refusal(NOT_SUPPORTED, platform + " channels cannot post a reply in another post's thread");
        }
        String normalized = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
        if (platform != Platform.SANDBOX && !sources(platform).contains(normalized)) {
            return new Refusal(PLATFORM_MISMATCH, "a " + platform + " channel cannot reply to a post on "
                    + (normalized.isEmpty() ? "an unnamed platform" : normalized)
                    + ": reply from the brand's channel on that platform");
        }
        return null;
    }

    /** The mention sources whose posts a channel on {@code platform} can answer. */
    static Set<String> sources(Platform platform) {
        return switch (platform) {
            case MASTODON -> Set.of("mastodon");
            case BLUESKY -> Set.of("bluesky");
            case X -> Set.of("x", "twitter");
            case FACEBOOK_PAGE -> Set.of("facebook");
            default -> Set.of();
        };
    }
}
