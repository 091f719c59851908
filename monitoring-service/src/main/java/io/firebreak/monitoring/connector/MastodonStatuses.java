package io.firebreak.monitoring.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.monitoring.mention.MentionInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.regex.Pattern;

/** A Mastodon status (its REST entity, as the streaming and timelines APIs send it) as a mention. */
final class MastodonStatuses {

    static final String SOURCE = "mastodon";

    /** Status ids are decimal numbers that grow with time (snowflakes), sent as strings. */
    static final Comparator<String> BY_ID = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    private MastodonStatuses() {
    }

    /** Null when the status has no id or no date (the validation of ingestion rejects the rest). */
    static MentionInput mention(JsonNode status) {
        String id = status.path("id").asText(null);
        Instant createdAt = instant(status.path("created_at").asText(null));
        if (id == null || createdAt == null) {
            return null;
        }
        JsonNode account = status.path("account");
        String language = status.path("language").isTextual() ? status.path("language").asText() : null;
        long engagement = status.path("favourites_count").asLong(0) + status.path("reblogs_count").asLong(0)
                + status.path("replies_count").asLong(0);
        return new MentionInput(SOURCE, id, account.path("acct").isTextual() ? "@" + account.path("acct").asText()
                : null, text(status.path("content").asText("")), language,
                status.path("url").isTextual() ? status.path("url").asText() : null, createdAt,
                account.has("followers_count") ? account.path("followers_count").asLong() : null, engagement);
    }

    /** The text of a status' HTML content: paragraphs and line breaks become new lines, tags go, entities are read. */
    static String text(String html) {
        String withBreaks = BREAK.matcher(html).replaceAll("\n");
        String withoutTags = TAG.matcher(withBreaks).replaceAll("");
        String decoded = ENTITY.matcher(withoutTags).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                entity(match.group(1))));
        return SPACES.matcher(decoded).replaceAll(" ").strip();
    }

    private static String entity(String name) {
        if (name.startsWith("#x") || name.startsWith("#X")) {
            return Character.toString(Integer.parseInt(name.substring(2), 16));
        }
        if (name.startsWith("#")) {
            return Character.toString(Integer.parseInt(name.substring(1)));
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> "&" + name + ";";
        };
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
