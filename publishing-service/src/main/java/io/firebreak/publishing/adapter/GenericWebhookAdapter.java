package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook of the customer's own, signed so that it can trust the sender:
 * {@code X-Firebreak-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with the Unix time in
 * {@code X-Firebreak-Timestamp} (receivers reject old timestamps against replays). Every delivery carries an
 * {@code Idempotency-Key}, also the body's {@code id}, that receivers deduplicate on: a re-send is safe.
 * The receiver may answer {@code {"id": ..., "url": ...}}.
 */
@ApplicationScoped
public class GenericWebhookAdapter implements PlatformAdapter {

    public static final String SIGNATURE = "X-Firebreak-Signature";
    public static final String TIMESTAMP = "X-Firebreak-Timestamp";

    private final PlatformHttp http;
    private final Clock clock;

    public GenericWebhookAdapter(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.GENERIC_WEBHOOK;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        JsonObject body = new JsonObject().put("type", "publication").put("id", post.idempotencyKey())
                .put("channelId", channel.channelId().toString()).put("text", String.join("\n\n", post.parts()))
                .put("parts", new JsonArray(post.parts()));
        return send(channel, post.idempotencyKey(), body).map(response -> {
            JsonObject answer = jsonOrNull(response);
            return new Published(answer != null ? answer.getString("id") : null,
                    answer != null ? answer.getString("url") : null);
        });
    }

    /** A signed {@code ping}: the receiver checks the signature and answers 2xx, publishing nothing. */
    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return send(channel, "ping-" + channel.channelId(), new JsonObject().put("type", "ping"))
                .map(response -> new Verified(channel.baseUrl(), null));
    }

    private Uni<HttpResponse<Buffer>> send(ChannelAccess channel, String key, JsonObject body) {
        String payload = body.encode();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return http.client().postAbs(channel.baseUrl()).timeout(http.timeoutMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", key)
                .putHeader(TIMESTAMP, timestamp)
                .putHeader(SIGNATURE, "sha256=" + sign(channel.credential("secret"), timestamp + "." + payload))
                .sendBuffer(Buffer.buffer(payload))
                .onFailure().transform(failure -> HttpErrors.ofTransport("webhook", failure))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw HttpErrors.of("webhook", response, HttpErrors.reason(response, "error"));
                    }
                    return response;
                });
    }

    public static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static JsonObject jsonOrNull(HttpResponse<Buffer> response) {
        try {
            return response.bodyAsString() == null || response.bodyAsString().isBlank() ? null
                    : response.bodyAsJsonObject();
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
