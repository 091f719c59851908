package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slack incoming webhook: {@code POST <webhook URL>} with {@code {"text": ...}}, answered {@code ok}. Slack has no
 * idempotency key and returns no message id, so an interrupted send becomes UNKNOWN rather than being re-sent.
 * A revoked webhook answers 404 {@code no_service} or 410 {@code channel_is_archived}: the channel is broken.
 */
@ApplicationScoped
public class SlackWebhookAdapter implements PlatformAdapter {

    private final PlatformHttp http;

    public SlackWebhookAdapter(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK_WEBHOOK;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        return send(channel, new JsonObject().put("text", String.join("\n\n", post.parts())))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw classify(response);
                    }
                    return new Published(null, null);
                });
    }

    /** An empty payload is refused with 400 {@code no_text} by a live webhook, and posts nothing. */
    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return send(channel, new JsonObject()).map(response -> {
            String body = response.bodyAsString();
            if (response.statusCode() == 400 && body != null && (body.contains("no_text") || body.contains("invalid_payload"))) {
                return new Verified("slack incoming webhook", null);
            }
            throw classify(response);
        });
    }

    private Uni<HttpResponse<Buffer>> send(ChannelAccess channel, JsonObject body) {
        return http.client().postAbs(channel.credential("webhookUrl")).timeout(http.timeoutMillis())
                .sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("Slack webhook", failure));
    }

    private static PlatformException classify(HttpResponse<Buffer> response) {
        String reason = response.bodyAsString();
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return PlatformException.unauthorized(response.statusCode(), "Slack webhook answered "
                    + response.statusCode() + ": " + reason);
        }
        return HttpErrors.of("Slack webhook", response, reason);
    }
}
