package io.firebreak.publishing.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What a platform accepts in one post: the length limit, how length is counted, and whether a longer text
 * may go out as a numbered thread of replies.
 */
public record ChannelRules(Platform platform, int maxLength, LengthCounting counting, boolean threads,
                           int maxThreadParts) {

    public static final int MASTODON_DEFAULT_LIMIT = 500;
    private static final int MAX_THREAD_PARTS = 25;
    /** Facebook's documented post limit; LinkedIn's commentary limit. */
    public static final int FACEBOOK_LIMIT = 63_206;
    public static final int LINKEDIN_LIMIT = 3_000;
    public static final int TEAMS_TEXT_BYTES = 24_000;

    /** The rules of {@code platform}; {@code instanceLimit} overrides the limit where it varies (Mastodon). */
    public static ChannelRules of(Platform platform, Integer instanceLimit) {
        return switch (platform) {
            case MASTODON -> new ChannelRules(platform, instanceLimit != null ? instanceLimit : MASTODON_DEFAULT_LIMIT,
                    LengthCounting.CODE_POINTS_URL_23, true, MAX_THREAD_PARTS);
            case BLUESKY -> new ChannelRules(platform, 300, LengthCounting.GRAPHEMES, true, MAX_THREAD_PARTS);
            case X -> new ChannelRules(platform, 280, LengthCounting.X_WEIGHTED, true, MAX_THREAD_PARTS);
            case FACEBOOK_PAGE -> single(platform, FACEBOOK_LIMIT, LengthCounting.CODE_POINTS);
            case LINKEDIN_ORG -> single(platform, LINKEDIN_LIMIT, LengthCounting.CODE_POINTS);
            case TELEGRAM -> single(platform, 4_096, LengthCounting.UTF16_UNITS);
            case SLACK_WEBHOOK -> single(platform, 40_000, LengthCounting.CODE_POINTS);
            // Teams refuses a message over about 28 KB, card included: the text keeps 4 KB clear of it.
            case TEAMS_WEBHOOK -> single(platform, TEAMS_TEXT_BYTES, LengthCounting.UTF8_BYTES);
            case GENERIC_WEBHOOK -> single(platform, 100_000, LengthCounting.CODE_POINTS);
            case SANDBOX -> single(platform, 100_000, LengthCounting.CODE_POINTS);
        };
    }

    private static ChannelRules single(Platform platform, int maxLength, LengthCounting counting) {
        return new ChannelRules(platform, maxLength, counting, false, 1);
    }

    /**
     * Checks {@code text}: one post if it fits; a numbered thread if it does not, the platform has threads and
     * {@code allowThread}; otherwise rejected with the exact overflow and where the limit is crossed.
     */
    public TextCheck check(String text, boolean allowThread) {
        if (text == null || text.isBlank()) {
            return TextCheck.rejected(0, maxLength, "EMPTY", "the text is empty", null, 0);
        }
        int length = counting.count(text);
        if (length <= maxLength) {
            return TextCheck.fits(length, maxLength, List.of(text));
        }
        int overflow = length - maxLength;
        int crossedAt = crossingIndex(text);
        if (threads && allowThread) {
            List<String> parts = splitIntoThread(text);
            if (parts.size() <= maxThreadParts) {
                return TextCheck.fits(length, maxLength, parts);
            }
            return TextCheck.rejected(length, maxLength, "THREAD_TOO_LONG", "the text needs " + parts.size()
                    + " posts, more than the " + maxThreadParts + " a thread may have", crossedAt, overflow);
        }
        String why = threads ? "the statement does not allow a thread" : platform + " has no threads";
        return TextCheck.rejected(length, maxLength, "TOO_LONG", "the text counts " + length + " where " + platform
                + " allows " + maxLength + ": " + overflow + " over, from character " + crossedAt + " on (" + why
                + ")", crossedAt, overflow);
    }

    /** The code-point index of the first unit that no longer fits in one post. */
    private int crossingIndex(String text) {
        int total = 0;
        for (LengthCounting.Unit unit : counting.units(text)) {
            total += unit.weight();
            if (total > maxLength) {
                return text.codePointCount(0, unit.start());
            }
        }
        return text.codePointCount(0, text.length());
    }

    /** Greedy split on spaces, each part ending in " (i/n)"; retried when n needs one more digit than reserved. */
    List<String> splitIntoThread(String text) {
        for (int digits = 1; digits <= 3; digits++) {
            int reserved = (" (" + "9".repeat(digits) + "/" + "9".repeat(digits) + ")").length();
            List<String> bodies = pack(text.strip(), maxLength - reserved);
            if (String.valueOf(bodies.size()).length() <= digits) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < bodies.size(); i++) {
                    parts.add(bodies.get(i) + " (" + (i + 1) + "/" + bodies.size() + ")");
                }
                return parts;
            }
        }
        throw new IllegalArgumentException("text too long to split into a thread");
    }

    private List<String> pack(String text, int budget) {
        List<String> bodies = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (counting.count(candidate) <= budget) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                bodies.add(current.toString());
                current.setLength(0);
            }
            // A single word longer than a post (a very long URL-less token) is cut where the budget ends.
            String rest = word;
            while (counting.count(rest) > budget) {
                int cut = cutIndex(rest, budget);
                bodies.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (!current.isEmpty()) {
            bodies.add(current.toString());
        }
        return bodies;
    }

    private int cutIndex(String word, int budget) {
        int total = 0;
        for (LengthCounting.Unit unit : counting.units(word)) {
            if (total + unit.weight() > budget) {
                return Math.max(unit.start(), 1);
            }
            total += unit.weight();
        }
        return word.length();
    }
}
