package io.firebreak.notification.sms;

import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.delivery.SendOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Vonage SMS API, the fallback: {@code POST /sms/json}, form-encoded with api_key and api_secret; the answer is
 * 200 with a status per message part ("0" accepted).
 */
@ApplicationScoped
public class VonageSender {

    static final String PROVIDER = "VONAGE";
    /** Throttled, internal error, communication failed: worth another try. */
    private static final Set<String> TRANSIENT = Set.of("1", "5", "13");

    private final NotificationConfig.Vonage config;
    private final NotificationConfig.Sms sms;
    private final WebClient client;

    public VonageSender(NotificationConfig config, Vertx vertx) {
        this.config = config.sms().vonage();
        this.sms = config.sms();
        this.client = WebClient.create(vertx);
    }

    public boolean configured() {
        return config.apiKey().isPresent() && config.apiSecret().isPresent();
    }

    public Uni<SendOutcome> send(String to, String body) {
        return client.postAbs(config.baseUrl() + "/sms/json")
                .timeout(sms.timeout().toMillis())
                .sendForm(MultiMap.caseInsensitiveMultiMap()
                        .add("api_key", config.apiKey().orElseThrow())
                        .add("api_secret", config.apiSecret().orElseThrow())
                        .add("from", sms.from())
                        // Vonage takes the number in international format without the leading +.
                        .add("to", to.startsWith("+") ? to.substring(1) : to)
                        .add("text", body)
                        .add("type", "unicode"))
                .map(VonageSender::outcome)
                .onFailure().recoverWithItem(failure -> SendOutcome.retry(PROVIDER,
                        "Vonage unreachable: " + failure.getMessage()));
    }

    private static SendOutcome outcome(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            String reason = "Vonage " + response.statusCode();
            return response.statusCode() == 429 || response.statusCode() >= 500
                    ? SendOutcome.retry(PROVIDER, reason) : SendOutcome.permanent(PROVIDER, reason);
        }
        JsonObject first;
        try {
            JsonArray messages = response.bodyAsJsonObject().getJsonArray("messages", new JsonArray());
            first = messages.isEmpty() ? new JsonObject() : messages.getJsonObject(0);
        } catch (RuntimeException notJson) {
            return SendOutcome.retry(PROVIDER, "Vonage answered something other than JSON");
        }
        String status = first.getString("status", "");
        if ("0".equals(status)) {
            return SendOutcome.sent(PROVIDER, first.getString("message-id"));
        }
        String reason = "Vonage status " + status + ": " + first.getString("error-text", "");
        return TRANSIENT.contains(status) ? SendOutcome.retry(PROVIDER, reason)
                : SendOutcome.permanent(PROVIDER, reason);
    }
}
