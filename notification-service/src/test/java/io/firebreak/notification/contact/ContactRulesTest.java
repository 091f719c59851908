package io.firebreak.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.notification.contact.ContactRules.Platform;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    private static final String APNS = "a".repeat(32) + "0123456789ABCDEF0123456789abcdef";

    @Test
    void apnsTokenIsSixtyFourHexCharacters() {
        assertThat(ContactRules.deviceTokenProblem(Platform.IOS, APNS)).isEmpty();
        assertThat(ContactRules.deviceTokenProblem(Platform.IOS, APNS.substring(1))).isPresent();
        assertThat(ContactRules.deviceTokenProblem(Platform.IOS, APNS.substring(1) + "g")).isPresent();
    }

    @Test
    void fcmTokenIsNonEmptyBoundedAndOfTokenCharacters() {
        assertThat(ContactRules.deviceTokenProblem(Platform.ANDROID, "dGhpcyBpcyBh:APA91b-Hx_y.z")).isEmpty();
        assertThat(ContactRules.deviceTokenProblem(Platform.ANDROID, "")).isPresent();
        assertThat(ContactRules.deviceTokenProblem(Platform.ANDROID, "has space")).isPresent();
        assertThat(ContactRules.deviceTokenProblem(Platform.ANDROID, "x".repeat(4096))).isEmpty();
        assertThat(ContactRules.deviceTokenProblem(Platform.ANDROID, "x".repeat(4097))).isPresent();
    }

    @Test
    void phoneMustBeE164() {
        assertThat(ContactRules.phoneProblem("+33612345678")).isEmpty();
        assertThat(ContactRules.phoneProblem(null)).isEmpty();
        assertThat(ContactRules.phoneProblem("0612345678")).isPresent();
        assertThat(ContactRules.phoneProblem("+0612345678")).isPresent();
        assertThat(ContactRules.phoneProblem("+3361234567890123")).isPresent();
        assertThat(ContactRules.phoneProblem("+33 6 12 34 56 78")).isPresent();
    }

    @Test
    void onlyFrenchAndEnglishAreSpoken() {
        assertThat(ContactRules.languageProblem("fr")).isEmpty();
        assertThat(ContactRules.languageProblem("en")).isEmpty();
        assertThat(ContactRules.languageProblem("de")).isPresent();
    }

    @Test
    void timeZoneMustExist() {
        assertThat(ContactRules.timeZoneProblem("Europe/Paris")).isEmpty();
        assertThat(ContactRules.timeZoneProblem("Mars/Olympus")).isPresent();
    }

    @Test
    void quietHoursMaySpanMidnightInThePersonsZone() {
        var night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Paris"));
        // 21:30 UTC in winter is 22:30 in Paris.
        assertThat(night.contains(Instant.parse("2026-01-15T21:30:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-01-15T05:59:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-01-15T06:00:00Z"))).isFalse();
        assertThat(night.contains(Instant.parse("2026-01-15T12:00:00Z"))).isFalse();

        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), ZoneId.of("UTC"));
        assertThat(lunch.contains(Instant.parse("2026-01-15T13:00:00Z"))).isTrue();
        assertThat(lunch.contains(Instant.parse("2026-01-15T14:00:00Z"))).isFalse();
    }
}
