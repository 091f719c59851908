package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook, "When a Teams webhook request is received": the
 * workflow URL, signed by its {@code sig} query parameter, receives a message carrying one Adaptive Card,
 * {@code {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{...}}]}},
 * and answers 202 Accepted. Errors are Power Automate's {@code {"error":{"code","message"}}}; a deleted or
 * disabled workflow (404, 409) or a bad signature (401, 403) needs an admin: the channel is broken. No idempotency
 * key and nothing to read back: an interrupted send is UNKNOWN, for a person to check.
 */
@ApplicationScoped
public class TeamsWorkflowAdapter implements PlatformAdapter {

    static final String CARD = "application/vnd.microsoft.card.adaptive";

    private final PlatformHttp http;

    public TeamsWorkflowAdapter(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS_WEBHOOK;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        return http.client().postAbs(channel.credential("webhookUrl")).timeout(http.timeoutMillis())
                .sendJsonObject(message(String.join("\n\n", post.parts())))
                .onFailure().transform(failure -> HttpErrors.ofTransport("Teams workflow", failure))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw classify(response);
                    }
                    return new Published(null, null);
                });
    }

    /**
     * A workflow cannot be called without running it, and running it posts: verification only checks that the
     * URL is a signed workflow trigger (https, with {@code sig}).
     */
    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return Uni.createFrom().item(() -> {
            URI url = URI.create(channel.credential("webhookUrl"));
            String query = url.getRawQuery() == null ? "" : url.getRawQuery();
            if (!query.matches("(^|.*&)sig=[^&]+.*")) {
                throw PlatformException.rejected(0, "the Teams workflow URL carries no sig parameter: copy the whole"
                        + " URL of the workflow's \"When a Teams webhook request is received\" trigger");
            }
            return new Verified("Teams workflow at " + url.getHost(), null);
        });
    }

    /** The message Teams workflows expect: one Adaptive Card whose only element is the text, wrapped. */
    static JsonObject message(String text) {
        JsonObject card = new JsonObject()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", "1.4")
                .put("body", new JsonArray().add(new JsonObject().put("type", "TextBlock").put("text", text)
                        .put("wrap", true)));
        return new JsonObject().put("type", "message").put("attachments", new JsonArray()
                .add(new JsonObject().put("contentType", CARD).putNull("contentUrl").put("content", card)));
    }

    private static PlatformException classify(HttpResponse<Buffer> response) {
        String reason = errorText(response);
        int status = response.statusCode();
        if (status == 404 || status == 409) {
            return PlatformException.unauthorized(status, "Teams workflow answered " + status + ": " + reason);
        }
        return HttpErrors.of("Teams workflow", response, reason);
    }

    private static String errorText(HttpResponse<Buffer> response) {
        try {
            JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
            if (error != null) {
                return error.getString("code") + " " + error.getString("message");
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        return HttpErrors.reason(response, "message");
    }
}
