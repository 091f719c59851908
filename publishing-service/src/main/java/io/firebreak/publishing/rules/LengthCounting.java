package io.firebreak.publishing.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a platform counts the length of a text: each unit of the text with the weight the platform gives it. */
public enum LengthCounting {
    /** Unicode code points (LinkedIn, Facebook, webhooks). */
    CODE_POINTS,
    /** UTF-16 code units, as the Telegram Bot API counts. */
    UTF16_UNITS,
    /** Code points, every URL counting 23 whatever its length (Mastodon). */
    CODE_POINTS_URL_23,
    /** twitter-text v3: Latin and common punctuation weigh 1, everything else (CJK, emoji) 2, every URL 23. */
    X_WEIGHTED,
    /** User-perceived characters, extended grapheme clusters (Bluesky). */
    GRAPHEMES,
    /** Bytes of the UTF-8 encoding: where the platform limits the message's size, not its characters (Teams). */
    UTF8_BYTES;

    /** A URL as the platforms' link detectors see it, to the next whitespace. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    /** An extended grapheme cluster (Unicode TR29), emoji sequences included. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    public static final int URL_WEIGHT = 23;

    /** One counted piece of text: [start, end) in UTF-16 indexes, and what it weighs. */
    public record Unit(int start, int end, int weight) {
    }

    public int count(String text) {
        int total = 0;
        for (Unit unit : units(text)) {
            total += unit.weight();
        }
        return total;
    }

    public List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        int position = 0;
        if (this == CODE_POINTS_URL_23 || this == X_WEIGHTED) {
            Matcher url = URL.matcher(text);
            while (url.find()) {
                addPlain(text, position, url.start(), units);
                units.add(new Unit(url.start(), url.end(), URL_WEIGHT));
                position = url.end();
            }
        }
        addPlain(text, position, text.length(), units);
        return units;
    }

    private void addPlain(String text, int from, int to, List<Unit> units) {
        if (this == GRAPHEMES) {
            // Not java.text.BreakIterator: before Java 20 it splits emoji ZWJ sequences and flags apart.
            Matcher grapheme = GRAPHEME.matcher(text).region(from, to);
            while (grapheme.find()) {
                units.add(new Unit(grapheme.start(), grapheme.end(), 1));
            }
            return;
        }
        if (this == UTF16_UNITS) {
            for (int i = from; i < to; i++) {
                units.add(new Unit(i, i + 1, 1));
            }
            return;
        }
        for (int i = from; i < to; ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            int weight = this == X_WEIGHTED ? xWeight(codePoint) : this == UTF8_BYTES ? utf8Bytes(codePoint) : 1;
            units.add(new Unit(i, next, weight));
            i = next;
        }
    }

    private static int utf8Bytes(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** twitter-text v3 configuration: these ranges weigh 1, all others 2. */
    private static int xWeight(int codePoint) {
        boolean light = codePoint <= 4351
                || (codePoint >= 8192 && codePoint <= 8205)
                || (codePoint >= 8208 && codePoint <= 8223)
                || (codePoint >= 8242 && codePoint <= 8247);
        return light ? 1 : 2;
    }
}
