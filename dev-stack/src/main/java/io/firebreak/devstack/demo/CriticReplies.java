package io.firebreak.devstack.demo;

import static io.firebreak.devstack.FirebreakService.MONITORING;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.StackException;
import io.firebreak.devstack.StackSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's answer to critics: two customers complain on the emulated Mastodon, their posts reach
 * monitoring-service, the communicator sees them in the crisis inbox and answers in their threads — one with the
 * playbook's reply template (out after the tone check alone), one written by hand: refused while aggressive,
 * then approved by someone else once courteous. An accidental second answer to the same post is refused.
 */
final class CriticReplies {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

    private final DemoApi api;
    private final StackSettings settings;
    private final Consumer<String> say;

    CriticReplies(DemoApi api, StackSettings settings, Consumer<String> say) {
        this.api = api;
        this.settings = settings;
        this.say = say;
    }

    /** The critics' posts on the emulator and the replies that answered them. */
    record Outcome(String templateReplyId, String freeReplyId, String frenchPostId, String englishPostId) {
    }

    /** The playbook's reply templates, one per language for an outage; {{author}} becomes the critic's handle. */
    static String replyTemplates() {
        return """
                [{"key": "outage-fr", "language": "fr", "complaint": "OUTAGE",
                  "text": "{{author}} Bonjour, nous sommes désolés : notre application est en panne et nos équipes y travaillent. Nous vous tenons au courant ici."},
                 {"key": "outage-en", "language": "en", "complaint": "OUTAGE",
                  "text": "{{author}} We are sorry: our app is down and our teams are working on it. We will keep you posted here."}]""";
    }

    Outcome run(String crisisId, String runId) {
        JsonNode french = criticPosts("marie_" + runId, "fr", "Appli Banque Horizon en panne depuis ce matin,"
                + " impossible de payer mes courses. C'est pour quand le retour ?");
        JsonNode english = criticPosts("tom_" + runId, "en", "Banque Horizon app down AGAIN, why do I even pay"
                + " fees to these clowns? #horizondown");

        JsonNode inbox = DemoApi.await("the critics' posts in the crisis inbox", STEP_TIMEOUT,
                () -> api.get(playbook("/api/crises/" + crisisId + "/inbox?size=20"), "communicator"),
                page -> inInbox(page, french) != null && inInbox(page, english) != null);
        say.accept("The crisis inbox, most influential first (" + inbox.size() + " shown):");
        for (JsonNode entry : inbox) {
            if (entry == inInbox(inbox, french) || entry == inInbox(inbox, english)) {
                say.accept("   " + entry.path("sentimentLabel").asText() + (entry.path("question").asBoolean()
                        ? ", asks a question" : "") + ", reach " + entry.path("reach").asLong() + ": \""
                        + entry.path("text").asText() + "\"");
            }
        }

        String frenchMention = inInbox(inbox, french).path("mentionId").asText();
        JsonNode templateReply = api.post(playbook("/api/crises/" + crisisId + "/replies"), "communicator",
                Map.of("mentionId", frenchMention));
        say.accept("Reply drafted from the template \"" + templateReply.path("templateKey").asText() + "\": \""
                + templateReply.path("text").asText() + "\"");
        JsonNode sent = api.post(playbook("/api/replies/" + templateReply.path("id").asText() + "/send"),
                "communicator", Map.of());
        say.accept("   unchanged template, courteous: " + sent.path("status").asText() + " by "
                + sent.path("approvedBy").asText() + ", no second person needed");
        JsonNode twice = answer(api.call("POST", playbook("/api/crises/" + crisisId + "/replies"), "communicator",
                Map.of("mentionId", frenchMention)));
        say.accept("   answering the same post again by accident: " + twice.path("status").asInt() + " - "
                + twice.path("detail").asText());

        String englishMention = inInbox(inbox, english).path("mentionId").asText();
        JsonNode freeReply = api.post(playbook("/api/crises/" + crisisId + "/replies"), "communicator",
                Map.of("mentionId", englishMention,
                        "text", "@" + english.path("account").path("acct").asText()
                                + " Stop whining and read the FAQ like everyone else."));
        String freeReplyId = freeReply.path("id").asText();
        JsonNode refused = answer(api.call("POST", playbook("/api/replies/" + freeReplyId + "/send"), "communicator",
                Map.of()));
        say.accept("A reply written in anger: " + refused.path("status").asInt() + " - " + refused.path("detail")
                .asText());
        api.call("PUT", playbook("/api/replies/" + freeReplyId), "communicator", Map.of("text",
                "@" + english.path("account").path("acct").asText() + " You are right to be upset, and we are sorry:"
                        + " the app is down for many customers. Our teams are on it; we will post here when it is back."));
        JsonNode pending = api.post(playbook("/api/replies/" + freeReplyId + "/send"), "communicator", Map.of());
        say.accept("Rewritten courteously and sent: " + pending.path("status").asText()
                + " (free text needs an approver)");
        DemoApi.Answer own = api.call("POST", playbook("/api/replies/" + freeReplyId + "/approve"), "communicator",
                Map.of());
        say.accept("   the author approving it: " + own.status() + " (four eyes); approver approves it");
        api.post(playbook("/api/replies/" + freeReplyId + "/approve"), "approver", Map.of());

        for (String replyId : List.of(templateReply.path("id").asText(), freeReplyId)) {
            JsonNode reply = DemoApi.await("the reply to be posted", STEP_TIMEOUT,
                    () -> api.get(playbook("/api/replies/" + replyId), "communicator"),
                    answer -> List.of("PUBLISHED", "FAILED").contains(answer.path("status").asText()));
            if (!reply.path("status").asText().equals("PUBLISHED")) {
                throw new StackException("the reply " + replyId + " failed: " + reply);
            }
        }
        JsonNode statuses = api.get(settings.emulatorUrl() + "/emulator/mastodon/statuses", null);
        for (JsonNode critic : List.of(french, english)) {
            for (JsonNode status : statuses) {
                if (status.path("in_reply_to_id").asText().equals(critic.path("id").asText())) {
                    say.accept("   on Mastodon, in @" + critic.path("account").path("acct").asText() + "'s thread: "
                            + status.path("url").asText());
                }
            }
        }
        return new Outcome(templateReply.path("id").asText(), freeReplyId, french.path("id").asText(),
                english.path("id").asText());
    }

    /** A critic posts on the emulated Mastodon; the post reaches monitoring-service as a mention. */
    private JsonNode criticPosts(String account, String language, String text) {
        JsonNode status = api.post(settings.emulatorUrl() + "/emulator/mastodon/posts", null,
                Map.of("account", account, "text", text));
        Map<String, Object> mention = new LinkedHashMap<>();
        mention.put("source", "mastodon");
        mention.put("externalId", status.path("id").asText());
        mention.put("author", account);
        mention.put("text", text);
        mention.put("language", language);
        mention.put("url", status.path("url").asText());
        mention.put("publishedAt", status.path("created_at").asText());
        mention.put("reach", 4_200);
        mention.put("engagement", 180);
        api.post(settings.serviceUrl(MONITORING) + "/api/mentions", "analyst", Map.of("mentions", List.of(mention)));
        say.accept("@" + account + " on Mastodon: \"" + text + "\"");
        return status;
    }

    private static JsonNode inInbox(JsonNode inbox, JsonNode status) {
        for (JsonNode entry : inbox) {
            if (entry.path("externalId").asText().equals(status.path("id").asText())) {
                return entry;
            }
        }
        return null;
    }

    /** A refused call's problem+json, with its status. */
    private static JsonNode answer(DemoApi.Answer answer) {
        if (answer.ok() || answer.body() == null) {
            throw new StackException("expected a refusal, got " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    private String playbook(String path) {
        return settings.serviceUrl(PLAYBOOK) + path;
    }
}
