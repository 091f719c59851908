package io.firebreak.notification.sms;

import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.delivery.SendOutcome;
import io.firebreak.notification.push.ProviderAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Twilio Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP Basic
 * with the account SID and auth token; Twilio reports delivery to {@code StatusCallback}.
 */
@ApplicationScoped
public class TwilioSender {

    public static final String PROVIDER = "TWILIO";
    public static final String CALLBACK_PATH = "/api/sms/status/twilio";

    private final NotificationConfig.Twilio config;
    private final NotificationConfig.Sms sms;
    private final String callbackUrl;
    private final WebClient client;
    private final Clock clock;

    public TwilioSender(NotificationConfig config, Vertx vertx, Clock clock) {
        this.config = config.sms().twilio();
        this.sms = config.sms();
        this.callbackUrl = config.links().baseUrl() + CALLBACK_PATH;
        this.client = WebClient.create(vertx);
        this.clock = clock;
    }

    public boolean configured() {
        return config.accountSid().isPresent() && config.authToken().isPresent();
    }

    /** Where Twilio posts the message's status; the URL its signature covers. */
    public String callbackUrl() {
        return callbackUrl;
    }

    public Uni<SendOutcome> send(String to, String body) {
        String sid = config.accountSid().orElseThrow();
        return client.postAbs(config.baseUrl() + "/2010-04-01/Accounts/" + sid + "/Messages.json")
                .basicAuthentication(sid, config.authToken().orElseThrow())
                .timeout(sms.timeout().toMillis())
                .sendForm(MultiMap.caseInsensitiveMultiMap()
                        .add("To", to)
                        .add("From", sms.from())
                        .add("Body", body)
                        .add("StatusCallback", callbackUrl))
                .map(this::outcome)
                .onFailure().recoverWithItem(failure -> SendOutcome.retry(PROVIDER,
                        "Twilio unreachable: " + failure.getMessage()));
    }

    private SendOutcome outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonObject body = json(response);
        if (status == 200 || status == 201) {
            return SendOutcome.sent(PROVIDER, body.getString("sid"));
        }
        String reason = "Twilio " + status + " " + body.getValue("code", "") + ": " + body.getString("message", "");
        if (status == 429 || status >= 500) {
            return SendOutcome.retryAfter(PROVIDER, reason,
                    ProviderAnswers.retryAfter(response.getHeader("Retry-After"), clock.instant()));
        }
        return SendOutcome.permanent(PROVIDER, reason);
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        try {
            JsonObject body = response.bodyAsJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }
}
