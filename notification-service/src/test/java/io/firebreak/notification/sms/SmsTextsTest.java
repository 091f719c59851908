package io.firebreak.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTextsTest {

    private static final String BRIEFING = "https://firebreak.example/crises/1/briefing";
    private static final String ACK = "https://firebreak.example/api/ack/" + "a".repeat(90);

    @Test
    void englishSmsNamesTheRoleAndCarriesBothLinks() {
        assertThat(SmsTexts.crisisAlert("en", "Bank app outage", "HIGH", "Legal", true, BRIEFING, ACK))
                .isEqualTo("Firebreak: crisis \"Bank app outage\" (HIGH). You are Legal (backup). Briefing: "
                        + BRIEFING + " I'm on it: " + ACK);
    }

    @Test
    void aLongTitleIsCutSoThatTheLinksStayWhole() {
        String text = SmsTexts.crisisAlert("fr", "x".repeat(800), "CRITICAL", "Porte-parole", false, BRIEFING, ACK);
        assertThat(text).hasSizeLessThanOrEqualTo(SmsTexts.MAX_LENGTH).endsWith(ACK).contains("x… »", BRIEFING)
                .startsWith("Firebreak : crise « xxx");
    }

    @Test
    void aTwilioSignatureOnlyFitsTheUrlAndFieldsItWasMadeFor() {
        TwilioSignature signature = new TwilioSignature("auth-token");
        Map<String, String> fields = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");
        String signed = signature.sign("https://x.example/api/sms/status/twilio", fields);

        assertThat(signature.valid(signed, "https://x.example/api/sms/status/twilio", fields)).isTrue();
        assertThat(signature.valid(signed, "https://x.example/api/sms/status/twilio",
                Map.of("MessageSid", "SM1", "MessageStatus", "failed"))).isFalse();
        assertThat(signature.valid(signed, "https://evil.example/api/sms/status/twilio", fields)).isFalse();
        assertThat(new TwilioSignature("other").valid(signed, "https://x.example/api/sms/status/twilio", fields))
                .isFalse();
        assertThat(signature.valid(null, "https://x.example/api/sms/status/twilio", fields)).isFalse();
    }
}
