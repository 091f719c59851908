package io.firebreak.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PushTextsTest {

    @Test
    void criticalCrisisInFrenchSaysSoAndIsCritical() {
        PushMessage message = PushTexts.crisisAlert("fr", UUID.randomUUID(), UUID.randomUUID(), "Panne", "CRITICAL",
                "Porte-parole", true);
        assertThat(message.title()).isEqualTo("[CRITIQUE] Crise : Panne");
        assertThat(message.body()).startsWith("Vous êtes Porte-parole (suppléant).");
        assertThat(message.critical()).isTrue();
    }

    @Test
    void longTitlesAreCutToFitTheLockScreen() {
        PushMessage message = PushTexts.crisisAlert("en", UUID.randomUUID(), UUID.randomUUID(), "x".repeat(500),
                "HIGH", "Legal", false);
        assertThat(message.title()).hasSize(PushTexts.MAX_TITLE).endsWith("…").startsWith("Crisis: x");
        assertThat(message.critical()).isFalse();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        assertThat(ProviderAnswers.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(ProviderAnswers.retryAfter("Tue, 24 Nov 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(ProviderAnswers.retryAfter("soon", now)).isEmpty();
        assertThat(ProviderAnswers.retryAfter(null, now)).isEmpty();
    }

    @Test
    void fcmMessageIsHighPriorityAndApnsCriticalAlertBreaksThroughDoNotDisturb() {
        PushMessage critical = PushTexts.crisisAlert("en", UUID.randomUUID(), UUID.randomUUID(), "Outage",
                "CRITICAL", "Legal", false);
        assertThat(FcmSender.body("token-1", critical).getJsonObject("message").getJsonObject("android")
                .getString("priority")).isEqualTo("HIGH");
        assertThat(ApnsSender.body(critical).getJsonObject("aps").getString("interruption-level"))
                .isEqualTo("critical");
        PushMessage high = PushTexts.crisisAlert("en", UUID.randomUUID(), UUID.randomUUID(), "Outage", "HIGH",
                "Legal", false);
        assertThat(ApnsSender.body(high).getJsonObject("aps").getString("interruption-level"))
                .isEqualTo("time-sensitive");
        assertThat(ApnsSender.body(high).getJsonObject("aps").getString("sound")).isEqualTo("default");
    }
}
