package io.firebreak.notification.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AckLinksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final AckLinks links = new AckLinks("a-test-key-that-is-long-enough-0123456789");

    @Test
    void aLinkIsValidUntilItExpires() {
        UUID id = UUID.randomUUID();
        String link = links.sign(id, NOW.plus(Duration.ofHours(1)));

        assertThat(links.check(link, NOW)).isEqualTo(new AckLinks.Valid(id));
        assertThat(links.check(link, NOW.plus(Duration.ofMinutes(59)))).isEqualTo(new AckLinks.Valid(id));
        assertThat(links.check(link, NOW.plus(Duration.ofHours(1))))
                .isEqualTo(new AckLinks.Expired(id, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void changingTheNotificationOrTheExpiryBreaksTheSignature() {
        UUID id = UUID.randomUUID();
        String link = links.sign(id, NOW.plusSeconds(60));
        String[] parts = link.split("\\.");

        assertThat(links.check(UUID.randomUUID() + "." + parts[1] + "." + parts[2], NOW))
                .isInstanceOf(AckLinks.Forged.class);
        assertThat(links.check(parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2], NOW))
                .isInstanceOf(AckLinks.Forged.class);
        assertThat(links.check("garbage", NOW)).isInstanceOf(AckLinks.Forged.class);
        assertThat(links.check(null, NOW)).isInstanceOf(AckLinks.Forged.class);
    }

    @Test
    void aLinkSignedWithAnotherKeyIsForged() {
        UUID id = UUID.randomUUID();
        String link = new AckLinks("another-key-that-is-long-enough-0123456789").sign(id, NOW.plusSeconds(60));

        assertThat(links.check(link, NOW)).isInstanceOf(AckLinks.Forged.class);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new AckLinks("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
