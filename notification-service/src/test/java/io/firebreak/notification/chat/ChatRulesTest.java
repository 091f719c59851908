package io.firebreak.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatRulesTest {

    @Test
    void webhookUrlsMustBeHttpsExceptOnThisMachine() {
        assertThat(ChatRules.urlProblem("https://hooks.slack.com/services/T0/B0/x")).isEmpty();
        assertThat(ChatRules.urlProblem("http://127.0.0.1:9000/services/T0/B0/x")).isEmpty();
        assertThat(ChatRules.urlProblem("http://hooks.slack.com/services/T0/B0/x")).isPresent();
        assertThat(ChatRules.urlProblem("hooks.slack.com/services")).isPresent();
        assertThat(ChatRules.urlProblem("not a url")).isPresent();
    }

    @Test
    void theSecretPathIsNeverShownBack() {
        assertThat(ChatRules.masked("https://hooks.slack.com/services/T0/B0/secret"))
                .isEqualTo("https://hooks.slack.com/…");
    }

    @Test
    void teamsGetsAnAdaptiveCardAndSlackPlainText() {
        String text = ChatMessages.text("Outage", "ACTIVE", "HIGH", "https://x/briefing");
        assertThat(text).isEqualTo("Crisis \"Outage\" is active (HIGH). Briefing: https://x/briefing");
        assertThat(ChatMessages.slack(text).getString("text")).isEqualTo(text);
        assertThat(ChatMessages.teams(text).getJsonArray("attachments").getJsonObject(0)
                .getString("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
    }
}
