package io.firebreak.notification.push;

import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.delivery.SendOutcome;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * FCM HTTP v1: {@code POST /v1/projects/{project}/messages:send} with an OAuth2 access token that a JWT signed by
 * the service account buys at its token URI (jwt-bearer grant), kept until shortly before it expires.
 */
@ApplicationScoped
public class FcmSender {

    static final String PROVIDER = "FCM";
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    /** A token this close to its expiry is renewed before a send, so that none expires in flight. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    /** A token this close to its expiry is renewed ahead of need, so that no send waits for a renewal. */
    private static final Duration RENEW_AHEAD = Duration.ofMinutes(10);
    /** Kept-alive connections to FCM: a crisis sends thousands of pushes at once, each its own request. */
    private static final int MAX_CONNECTIONS = 32;

    private record AccessToken(String value, Instant expiresAt) {
    }

    private final NotificationConfig.Fcm config;
    private final Duration timeout;
    private final Optional<JwtSigner> signer;
    private final WebClient client;
    private final Clock clock;
    private final AtomicReference<AccessToken> cached = new AtomicReference<>();
    /** One request to the token endpoint however many sends need a token: a crisis starts hundreds at once. */
    private final SharedRequest<String> tokenRequest;

    public FcmSender(NotificationConfig config, Vertx vertx, Clock clock) {
        this.config = config.push().fcm();
        this.timeout = config.push().timeout();
        this.signer = this.config.projectId().isPresent() && this.config.clientEmail().isPresent()
                ? this.config.privateKey().map(pem -> new JwtSigner(JwtSigner.Algorithm.RS256, pem))
                : Optional.empty();
        this.client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(MAX_CONNECTIONS));
        this.clock = clock;
        this.tokenRequest = new SharedRequest<>(() -> requestToken(clock.instant()));
        if (signer.isEmpty()) {
            Log.info("FCM is not configured (notification.push.fcm.*): Android devices get no push");
        }
    }

    public boolean configured() {
        return signer.isPresent();
    }

    public Uni<SendOutcome> send(String deviceToken, PushMessage message) {
        String url = config.baseUrl() + "/v1/projects/" + config.projectId().orElseThrow() + "/messages:send";
        return accessToken()
                .chain(access -> client.postAbs(url)
                        .bearerTokenAuthentication(access)
                        .timeout(timeout.toMillis())
                        .sendJsonObject(body(deviceToken, message)))
                .map(this::outcome)
                .onFailure().recoverWithItem(failure -> SendOutcome.retry(PROVIDER,
                        "FCM unreachable: " + failure.getMessage()));
    }

    static JsonObject body(String deviceToken, PushMessage message) {
        return new JsonObject().put("message", new JsonObject()
                .put("token", deviceToken)
                .put("notification", new JsonObject().put("title", message.title()).put("body", message.body()))
                .put("data", new JsonObject()
                        .put("notificationId", message.notificationId().toString())
                        .put("crisisId", message.crisisId().toString())
                        .put("severity", message.severity()))
                // HIGH wakes a dozing phone at once; a crisis is what it is meant for.
                .put("android", new JsonObject().put("priority", "HIGH")));
    }

    private SendOutcome outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 200) {
            return SendOutcome.sent(PROVIDER);
        }
        JsonObject error = errorOf(response);
        String code = fcmErrorCode(error).orElse(error.getString("status", "HTTP " + status));
        String reason = "FCM " + status + " " + code + ": " + error.getString("message", "");
        return switch (status) {
            case 404 -> SendOutcome.rejected(PROVIDER, reason);
            // The token belongs to another Firebase project: no use trying it again.
            case 403 -> "SENDER_ID_MISMATCH".equals(code) ? SendOutcome.rejected(PROVIDER, reason)
                    : SendOutcome.permanent(PROVIDER, reason);
            case 401 -> {
                cached.set(null);
                yield SendOutcome.retry(PROVIDER, reason);
            }
            case 429, 500, 503 -> SendOutcome.retryAfter(PROVIDER, reason,
                    ProviderAnswers.retryAfter(response.getHeader("Retry-After"), clock.instant()));
            default -> "UNREGISTERED".equals(code) ? SendOutcome.rejected(PROVIDER, reason)
                    : SendOutcome.permanent(PROVIDER, reason);
        };
    }

    private static JsonObject errorOf(HttpResponse<Buffer> response) {
        try {
            JsonObject body = response.bodyAsJsonObject();
            return body != null && body.getValue("error") instanceof JsonObject error ? error : new JsonObject();
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    /** The FCM-specific code (UNREGISTERED, QUOTA_EXCEEDED...) is in the details, beside the generic status. */
    private static Optional<String> fcmErrorCode(JsonObject error) {
        JsonArray details = error.getJsonArray("details", new JsonArray());
        for (Object detail : details) {
            if (detail instanceof JsonObject object && object.getString("@type", "").endsWith("FcmError")) {
                return Optional.ofNullable(object.getString("errorCode"));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps the access token ready: bought at start and renewed before it nears expiry, so that a crisis' first
     * pushes do not wait for the token endpoint (nor for signing an assertion on a cold JVM), and a service
     * account that cannot get a token shows in the log at start rather than at the first crisis.
     */
    @Scheduled(identity = "fcm-access-token", every = "${notification.push.fcm.renew-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewAhead() {
        if (signer.isEmpty() || valid(cached.get(), RENEW_AHEAD)) {
            return Uni.createFrom().voidItem();
        }
        return tokenRequest.get().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            Log.warnf("No FCM access token for %s yet (tried again at the next check and push): %s",
                    config.clientEmail().orElseThrow(), failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<String> accessToken() {
        AccessToken current = cached.get();
        return valid(current, RENEW_BEFORE) ? Uni.createFrom().item(current.value()) : tokenRequest.get();
    }

    private boolean valid(AccessToken token, Duration margin) {
        return token != null && clock.instant().isBefore(token.expiresAt().minus(margin));
    }

    private Uni<String> requestToken(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.clientEmail().orElseThrow());
        claims.put("scope", SCOPE);
        claims.put("aud", config.tokenUri());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond());
        String assertion = signer.orElseThrow().sign(Map.of(), claims);
        return client.postAbs(config.tokenUri())
                .timeout(timeout.toMillis())
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", JWT_BEARER).add("assertion", assertion))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the token endpoint answered " + response.statusCode()
                                + ": " + response.bodyAsString());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    AccessToken token = new AccessToken(body.getString("access_token"),
                            now.plusSeconds(body.getLong("expires_in", 3600L)));
                    cached.set(token);
                    Log.infof("FCM access token obtained for %s, valid until %s", config.clientEmail().get(),
                            token.expiresAt());
                    return token.value();
                });
    }
}
