package io.firebreak.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mail rendered once for many recipients (same crisis, language and backup flag), with slots where each
 * recipient's own values go (their name, role, acknowledge link): filling it is string concatenation, where
 * rendering the templates for each of thousands of recipients was a good part of a crisis' fan-out. Values put
 * into the HTML part are escaped as the template engine escapes them, and the HTML part is kept to ASCII
 * ({@link #asciiHtml}).
 */
public final class PreparedMail {

    private static final char MARK = '\u0000';
    private static final int LONGEST_LINE = 998;

    private final List<String> subject;
    private final List<String> text;
    private final List<String> html;

    private PreparedMail(String subject, String text, String html) {
        this.subject = split(subject);
        this.text = split(text);
        this.html = split(asciiHtml(html));
    }

    /** What to render in place of the value {@code name}, so that {@link #of} finds the slot. */
    public static String slot(String name) {
        return MARK + name + MARK;
    }

    /** The three parts as rendered with {@link #slot}s in place of the per-recipient values. */
    public static PreparedMail of(String subject, String text, String html) {
        return new PreparedMail(subject, text, html);
    }

    /** The mail of one recipient; a slot without a value is left empty. */
    public MailComposer.ComposedMail fill(Map<String, String> values) {
        return new MailComposer.ComposedMail(join(subject, values, false), join(text, values, false),
                fewLines(join(html, values, true)));
    }

    /** Alternating literal text and slot names: even indexes are text, odd ones slots. */
    private static List<String> split(String rendered) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = rendered.indexOf(MARK, from);
            int close = open < 0 ? -1 : rendered.indexOf(MARK, open + 1);
            if (close < 0) {
                parts.add(rendered.substring(from));
                return parts;
            }
            parts.add(rendered.substring(from, open));
            parts.add(rendered.substring(open + 1, close));
            from = close + 1;
        }
    }

    private static String join(List<String> parts, Map<String, String> values, boolean html) {
        StringBuilder out = new StringBuilder(parts.get(0).length() * 2);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                out.append(part);
            } else {
                String value = values.getOrDefault(part, "");
                out.append(html ? asciiHtml(escapeHtml(value)) : value);
            }
        }
        return out.toString();
    }

    /**
     * The HTML with every character beyond ASCII written as a numeric character reference ({@code é} as
     * {@code &#xe9;}), which every mail reader decodes: a part that is all ASCII in short lines goes out as it is
     * (7bit), where any other character makes the mail client quoted-printable encode the whole part, character by
     * character, for each of the thousands of recipients of a crisis.
     */
    static String asciiHtml(String html) {
        int first = 0;
        while (first < html.length() && html.charAt(first) < 0x80) {
            first++;
        }
        if (first == html.length()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 32).append(html, 0, first);
        html.codePoints().skip(html.codePointCount(0, first)).forEach(codePoint -> {
            if (codePoint < 0x80) {
                out.append((char) codePoint);
            } else {
                out.append("&#x").append(Integer.toHexString(codePoint)).append(';');
            }
        });
        return out.toString();
    }

    /**
     * The HTML on as few lines as a mail allows (998 characters each, RFC 5322): line breaks become spaces, which
     * HTML reads alike, and a space becomes a line break where a line would run longer. The mail client writes
     * and flushes each line of a part on its own, so the twelve lines of the template were twelve writes to the
     * server for each recipient.
     */
    static String fewLines(String html) {
        char[] chars = html.toCharArray();
        int lineStart = 0;
        int lastSpace = -1;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n' || chars[i] == '\r') {
                chars[i] = ' ';
            }
            if (i - lineStart >= LONGEST_LINE && lastSpace >= lineStart) {
                chars[lastSpace] = '\n';
                lineStart = lastSpace + 1;
            }
            if (chars[i] == ' ') {
                lastSpace = i;
            }
        }
        return new String(chars);
    }

    /** As Qute's HtmlEscaper: the five characters that could end an attribute or start markup. */
    static String escapeHtml(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            String replacement = switch (value.charAt(i)) {
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : value.charAt(i));
            }
        }
        return out == null ? value : out.toString();
    }
}
