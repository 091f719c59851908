package io.firebreak.notification.ack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Acknowledge links that need no login: {@code <notification id>.<expiry epoch seconds>.<HMAC-SHA256>}, so
 * nobody can forge one for another notification or stretch its expiry. Single use is enforced by the
 * notification's state, not here.
 */
public final class AckLinks {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    public AckLinks(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the acknowledge link key needs at least " + MIN_KEY_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** What a presented link turned out to be. */
    public sealed interface Check {
    }

    public record Valid(UUID notificationId) implements Check {
    }

    public record Expired(UUID notificationId, Instant expiredAt) implements Check {
    }

    public record Forged() implements Check {
    }

    public String sign(UUID notificationId, Instant expiry) {
        String payload = notificationId + "." + expiry.getEpochSecond();
        return payload + "." + mac(payload);
    }

    public Check check(String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return new Forged();
        }
        String payload = parts[0] + "." + parts[1];
        boolean authentic = MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        if (!authentic) {
            return new Forged();
        }
        UUID id;
        Instant expiry;
        try {
            id = UUID.fromString(parts[0]);
            expiry = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            return new Forged();
        }
        return now.isBefore(expiry) ? new Valid(id) : new Expired(id, expiry);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
