package io.firebreak.notification.push;

import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.delivery.SendOutcome;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * APNs provider API over HTTP/2: {@code POST /3/device/{token}} with an ES256 provider token (kid = key id,
 * iss = team id), reused for {@code token-lifetime} since Apple refuses one older than an hour and throttles
 * providers that make new ones too often.
 */
@ApplicationScoped
public class ApnsSender {

    static final String PROVIDER = "APNS";
    /** Answers saying the device token itself is no good: the device is marked, not retried. */
    private static final Set<String> TOKEN_REJECTIONS = Set.of("BadDeviceToken", "Unregistered",
            "DeviceTokenNotForTopic");
    private static final Set<String> PROVIDER_TOKEN_REJECTIONS = Set.of("ExpiredProviderToken",
            "InvalidProviderToken");

    private record ProviderToken(String value, Instant issuedAt) {
    }

    private final NotificationConfig.Apns config;
    private final Duration timeout;
    private final Optional<JwtSigner> signer;
    private final WebClient client;
    private final Clock clock;
    private final AtomicReference<ProviderToken> cached = new AtomicReference<>();

    public ApnsSender(NotificationConfig config, Vertx vertx, Clock clock) {
        this.config = config.push().apns();
        this.timeout = config.push().timeout();
        this.signer = this.config.teamId().isPresent() && this.config.keyId().isPresent()
                && this.config.topic().isPresent()
                ? this.config.privateKey().map(pem -> new JwtSigner(JwtSigner.Algorithm.ES256, pem))
                : Optional.empty();
        WebClientOptions options = new WebClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setUseAlpn(true)
                .setHttp2ClearTextUpgrade(false);
        this.config.trustCertificate().ifPresent(path -> options.setPemTrustOptions(
                new PemTrustOptions().addCertPath(path)));
        this.client = WebClient.create(vertx, options);
        this.clock = clock;
        if (signer.isEmpty()) {
            Log.info("APNs is not configured (notification.push.apns.*): iOS devices get no push");
        }
    }

    public boolean configured() {
        return signer.isPresent();
    }

    public Uni<SendOutcome> send(String deviceToken, PushMessage message) {
        return Uni.createFrom().deferred(() -> client.postAbs(config.baseUrl() + "/3/device/" + deviceToken)
                        .putHeader("authorization", "bearer " + providerToken())
                        .putHeader("apns-push-type", "alert")
                        .putHeader("apns-topic", config.topic().orElseThrow())
                        .putHeader("apns-priority", "10")
                        .timeout(timeout.toMillis())
                        .sendJsonObject(body(message)))
                .map(this::outcome)
                .onFailure().recoverWithItem(failure -> SendOutcome.retry(PROVIDER,
                        "APNs unreachable: " + failure.getMessage()));
    }

    static JsonObject body(PushMessage message) {
        JsonObject aps = new JsonObject()
                .put("alert", new JsonObject().put("title", message.title()).put("body", message.body()))
                // Critical alerts break through Do Not Disturb and the mute switch; time-sensitive ones
                // through Focus only. The app holds Apple's critical-alerts entitlement for this.
                .put("interruption-level", message.critical() ? "critical" : "time-sensitive");
        aps.put("sound", message.critical()
                ? new JsonObject().put("critical", 1).put("name", "default").put("volume", 1.0)
                : "default");
        return new JsonObject().put("aps", aps)
                .put("notificationId", message.notificationId().toString())
                .put("crisisId", message.crisisId().toString())
                .put("severity", message.severity());
    }

    private SendOutcome outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 200) {
            return SendOutcome.sent(PROVIDER);
        }
        String code = reasonOf(response);
        String reason = "APNs " + status + " " + code + " (apns-id " + response.getHeader("apns-id") + ")";
        if (status == 410 || TOKEN_REJECTIONS.contains(code)) {
            return SendOutcome.rejected(PROVIDER, reason);
        }
        if (status == 403 && PROVIDER_TOKEN_REJECTIONS.contains(code)) {
            cached.set(null);
            return SendOutcome.retry(PROVIDER, reason);
        }
        if (status == 429 || status >= 500) {
            return SendOutcome.retryAfter(PROVIDER, reason,
                    ProviderAnswers.retryAfter(response.getHeader("retry-after"), clock.instant()));
        }
        return SendOutcome.permanent(PROVIDER, reason);
    }

    private static String reasonOf(HttpResponse<Buffer> response) {
        try {
            JsonObject body = response.bodyAsJsonObject();
            return body == null ? "" : body.getString("reason", "");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private String providerToken() {
        Instant now = clock.instant();
        ProviderToken current = cached.get();
        if (current != null && now.isBefore(current.issuedAt().plus(config.tokenLifetime()))) {
            return current.value();
        }
        String value = signer.orElseThrow().sign(Map.of("kid", config.keyId().orElseThrow()),
                Map.of("iss", config.teamId().orElseThrow(), "iat", now.getEpochSecond()));
        cached.set(new ProviderToken(value, now));
        Log.infof("APNs provider token issued for team %s (key %s)", config.teamId().get(), config.keyId().get());
        return value;
    }
}
