package io.firebreak.notification.chat;

import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.delivery.SendOutcome;
import io.firebreak.notification.push.ProviderAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Posts to a Slack incoming webhook (200 "ok"; 400 invalid_payload, 403 action_prohibited, 404 no_service,
 * 410 channel_is_archived) or a Teams workflow webhook (200/202). 429 and 5xx are worth retrying.
 */
@ApplicationScoped
public class ChatSender {

    private final WebClient client;
    private final NotificationConfig config;
    private final Clock clock;

    public ChatSender(Vertx vertx, NotificationConfig config, Clock clock) {
        this.client = WebClient.create(vertx);
        this.config = config;
        this.clock = clock;
    }

    public Uni<SendOutcome> post(ChatRules.Kind kind, String url, String text) {
        JsonObject body = kind == ChatRules.Kind.SLACK ? ChatMessages.slack(text) : ChatMessages.teams(text);
        return client.postAbs(url)
                .timeout(config.push().timeout().toMillis())
                .sendJsonObject(body)
                .map(response -> outcome(kind, response))
                .onFailure().recoverWithItem(failure -> SendOutcome.retry(kind.name(),
                        kind + " unreachable: " + failure.getMessage()));
    }

    private SendOutcome outcome(ChatRules.Kind kind, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendOutcome.sent(kind.name());
        }
        String answer = response.bodyAsString();
        String reason = kind + " " + status + ": " + (answer == null ? "" : answer.strip());
        if (status == 429 || status >= 500) {
            return SendOutcome.retryAfter(kind.name(), reason,
                    ProviderAnswers.retryAfter(response.getHeader("Retry-After"), clock.instant()));
        }
        return SendOutcome.permanent(kind.name(), reason);
    }
}
