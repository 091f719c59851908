package io.firebreak.publishing.rules;

import java.util.List;

/**
 * The verdict on a text for one platform: whether it can go out, as how many posts, or why not.
 *
 * @param length    the text's length as the platform counts it
 * @param problem   null when ok; else a stable code (EMPTY, TOO_LONG, THREAD_TOO_LONG)
 * @param overflowAt code-point index of the first character past the limit, when too long
 * @param overflow  how far over the limit the text is, in the platform's unit
 * @param parts     the posts to send, in order (one, or a numbered thread)
 */
public record TextCheck(boolean ok, int length, int limit, String problem, String detail, Integer overflowAt,
                        int overflow, List<String> parts) {

    static TextCheck fits(int length, int limit, List<String> parts) {
        return new TextCheck(true, length, limit, null, null, null, 0, List.copyOf(parts));
    }

    static TextCheck rejected(int length, int limit, String problem, String detail, Integer overflowAt,
                              int overflow) {
        return new TextCheck(false, length, limit, problem, detail, overflowAt, overflow, List.of());
    }
}
