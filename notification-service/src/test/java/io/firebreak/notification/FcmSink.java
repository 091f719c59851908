package io.firebreak.notification;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.firebreak.notification.push.Jws;
import io.firebreak.notification.push.PushProvidersTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A lean FCM HTTP v1 stand-in for the benchmark, on one Vert.x event loop: the same contract as the tests'
 * WireMock ({@link PushProvidersTestResource}) without its request journal and JSONPath matching, which cost more
 * CPU under a crisis' load than the service itself (in production FCM runs elsewhere). The token endpoint only
 * grants the access token for an RS256 assertion of the service account (iss, scope, aud, lifetime);
 * {@code messages:send} only accepts that token, JSON with a message token, a notification title and android
 * priority HIGH, at most 4 KB; anything else gets FCM's error answer. Counts the messages sent per device token.
 */
final class FcmSink implements AutoCloseable {

    static final String SEND = "/v1/projects/" + PushProvidersTestResource.PROJECT + "/messages:send";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]{1,4096}");
    private static final int MAX_PAYLOAD = 4096;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final KeyPair serviceAccount;
    private final HttpServer server;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final String tokenUri;

    FcmSink() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        serviceAccount = generator.generateKeyPair();
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        tokenUri = "http://127.0.0.1:" + server.actualPort() + "/token";
    }

    /** The service's configuration for this stand-in, as a Firebase service-account JSON would give it. */
    Map<String, String> config() {
        String url = "http://127.0.0.1:" + server.actualPort();
        Map<String, String> config = new HashMap<>();
        config.put("notification.push.fcm.project-id", PushProvidersTestResource.PROJECT);
        config.put("notification.push.fcm.base-url", url);
        config.put("notification.push.fcm.token-uri", tokenUri);
        config.put("notification.push.fcm.client-email", PushProvidersTestResource.CLIENT_EMAIL);
        config.put("notification.push.fcm.private-key", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(serviceAccount.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return config;
    }

    /** messages:send accepted per device token since the last reset. */
    Map<String, Long> perToken() {
        Map<String, Long> counts = new HashMap<>();
        sent.forEach((token, count) -> counts.put(token, count.get()));
        return counts;
    }

    long refused() {
        return refused.get();
    }

    /** messages:send accepted since the last reset. */
    long messages() {
        return messages.get();
    }

    void reset() {
        sent.clear();
        messages.set(0);
        refused.set(0);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            request.response().setStatusCode(405).end();
            return;
        }
        request.body().onSuccess(body -> {
            try {
                if ("/token".equals(request.path())) {
                    token(request, body.toString());
                } else if (SEND.equals(request.path())) {
                    send(request, body.length() <= MAX_PAYLOAD ? body.toString() : null);
                } else {
                    refused.incrementAndGet();
                    request.response().setStatusCode(404).end();
                }
            } catch (RuntimeException | LinkageError failure) {
                // Answered, so that the benchmark shows the failure instead of waiting for timeouts.
                refused.incrementAndGet();
                request.response().setStatusCode(500).end(failure.toString());
            }
        });
    }

    private void token(HttpServerRequest request, String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], UTF_8) : "");
        }
        String contentType = request.getHeader("Content-Type");
        boolean valid = contentType != null && contentType.contains("application/x-www-form-urlencoded")
                && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))
                && validAssertion(fields.getOrDefault("assertion", ""), serviceAccount.getPublic());
        if (valid) {
            json(request, 200, new JsonObject().put("access_token", PushProvidersTestResource.ACCESS_TOKEN)
                    .put("expires_in", 3599).put("token_type", "Bearer"));
        } else {
            refused.incrementAndGet();
            json(request, 400, new JsonObject().put("error", "invalid_grant")
                    .put("error_description", "Invalid JWT Signature."));
        }
    }

    private boolean validAssertion(String assertion, PublicKey key) {
        return Jws.verify(assertion, "RS256", key).map(jwt -> {
            long now = Instant.now().getEpochSecond();
            return PushProvidersTestResource.CLIENT_EMAIL.equals(jwt.claims().path("iss").asText())
                    && "https://www.googleapis.com/auth/firebase.messaging".equals(jwt.claims().path("scope").asText())
                    && tokenUri.equals(jwt.claims().path("aud").asText())
                    && jwt.claims().path("exp").asLong() - jwt.claims().path("iat").asLong() <= 3600
                    && jwt.claims().path("exp").asLong() > now - 300;
        }).orElse(false);
    }

    private void send(HttpServerRequest request, String body) {
        if (!("Bearer " + PushProvidersTestResource.ACCESS_TOKEN).equals(request.getHeader("Authorization"))) {
            refused.incrementAndGet();
            error(request, 401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR",
                    "Request had invalid authentication credentials.");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        String token = null;
        if (body != null && contentType != null && contentType.contains("application/json")) {
            try {
                JsonObject message = new JsonObject(body).getJsonObject("message");
                boolean valid = message != null
                        && message.getValue("token") instanceof String candidate && TOKEN.matcher(candidate).matches()
                        && message.getJsonObject("notification") != null
                        && message.getJsonObject("notification").getValue("title") instanceof String
                        && message.getJsonObject("android") != null
                        && "HIGH".equals(message.getJsonObject("android").getValue("priority"));
                token = valid ? message.getString("token") : null;
            } catch (RuntimeException notJson) {
                token = null;
            }
        }
        if (token == null) {
            refused.incrementAndGet();
            error(request, 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                    "The message does not follow the messages:send contract");
            return;
        }
        sent.computeIfAbsent(token, key -> new AtomicLong()).incrementAndGet();
        messages.incrementAndGet();
        json(request, 200, new JsonObject().put("name", "projects/" + PushProvidersTestResource.PROJECT
                + "/messages/" + UUID.randomUUID()));
    }

    private static void error(HttpServerRequest request, int status, String rpcStatus, String errorCode,
                              String message) {
        json(request, status, new JsonObject().put("error", new JsonObject().put("code", status)
                .put("message", message).put("status", rpcStatus)
                .put("details", new JsonArray().add(new JsonObject()
                        .put("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError")
                        .put("errorCode", errorCode)))));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
