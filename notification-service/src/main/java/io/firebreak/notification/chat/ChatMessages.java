package io.firebreak.notification.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The crisis alert as each chat platform wants it posted. */
public final class ChatMessages {

    private ChatMessages() {
    }

    public static String text(String crisisTitle, String status, String severity, String briefingUrl) {
        return (severity.equals("CRITICAL") ? ":rotating_light: " : "") + "Crisis \"" + crisisTitle + "\" is "
                + status.toLowerCase(java.util.Locale.ROOT) + " (" + severity + "). Briefing: " + briefingUrl;
    }

    /** Slack incoming webhook: {@code text} is required and is what notifications show. */
    public static JsonObject slack(String text) {
        return new JsonObject().put("text", text);
    }

    /** Teams "post to a channel when a webhook request is received" workflow: an Adaptive Card attachment. */
    public static JsonObject teams(String text) {
        JsonObject card = new JsonObject()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4")
                .put("body", new JsonArray().add(new JsonObject().put("type", "TextBlock").put("text", text)
                        .put("wrap", true)));
        return new JsonObject().put("type", "message").put("attachments", new JsonArray().add(new JsonObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive").put("content", card)));
    }
}
