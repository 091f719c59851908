package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Telegram Bot API: {@code POST /bot<token>/sendMessage} with {@code chat_id} (the channel's account, e.g.
 * {@code @brand}) and {@code text}. Errors come as {@code {"ok":false,"error_code":..,"description":..}}, a flood
 * limit with {@code parameters.retry_after}. The Bot API has no idempotency key: an interrupted send is UNKNOWN.
 */
@ApplicationScoped
public class TelegramAdapter implements PlatformAdapter {

    private final PlatformHttp http;

    public TelegramAdapter(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        JsonObject body = new JsonObject().put("chat_id", channel.account()).put("text", String.join("\n\n", post.parts()));
        return call(channel, "sendMessage").sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("Telegram sendMessage", failure))
                .map(response -> {
                    JsonObject message = result(response, "Telegram sendMessage").getJsonObject("result");
                    String id = String.valueOf(message.getValue("message_id"));
                    JsonObject chat = message.getJsonObject("chat");
                    String username = chat != null ? chat.getString("username") : null;
                    return new Published(id, username != null ? "https://t.me/" + username + "/" + id : null);
                });
    }

    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return call(channel, "getMe").send()
                .onFailure().transform(failure -> HttpErrors.ofTransport("Telegram getMe", failure))
                .map(response -> new Verified(result(response, "Telegram getMe").getJsonObject("result")
                        .getString("username"), null));
    }

    private io.vertx.mutiny.ext.web.client.HttpRequest<Buffer> call(ChannelAccess channel, String method) {
        String url = channel.baseUrl() + "/bot" + channel.credential("botToken") + "/" + method;
        return ("getMe".equals(method) ? http.client().getAbs(url) : http.client().postAbs(url))
                .timeout(http.timeoutMillis());
    }

    private static JsonObject result(HttpResponse<Buffer> response, String what) {
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (RuntimeException notJson) {
            body = null;
        }
        if (response.statusCode() == 200 && body != null && Boolean.TRUE.equals(body.getBoolean("ok"))) {
            return body;
        }
        String description = body != null ? body.getString("description") : response.bodyAsString();
        PlatformException failure = HttpErrors.of(what, response, description);
        JsonObject parameters = body != null ? body.getJsonObject("parameters") : null;
        if (response.statusCode() == 429 && parameters != null && parameters.getInteger("retry_after") != null) {
            return thrown(PlatformException.transientFailure(429, failure.getMessage(),
                    Duration.ofSeconds(parameters.getInteger("retry_after"))));
        }
        return thrown(failure);
    }

    private static JsonObject thrown(PlatformException failure) {
        throw failure;
    }
}
