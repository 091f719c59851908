package io.firebreak.notification.contact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape rules of contact points, without framework types: each check answers why a value is refused,
 * or nothing when it is acceptable.
 */
public final class ContactRules {

    public static final int FCM_TOKEN_MAX = 4096;
    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    /** An APNs device token is 32 bytes, sent as 64 hexadecimal characters. */
    private static final Pattern APNS_TOKEN = Pattern.compile("[0-9a-fA-F]{64}");
    /** FCM registration tokens are URL-safe base64 with ':' separating the instance id. */
    private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9_:\\-.]+");
    /** E.164: '+', a country code not starting with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ContactRules() {
    }

    public enum Platform { ANDROID, IOS }

    /** iOS devices carry an APNs token, Android devices an FCM registration token. */
    public static Optional<String> deviceTokenProblem(Platform platform, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of("must not be empty");
        }
        return switch (platform) {
            case IOS -> APNS_TOKEN.matcher(token).matches() ? Optional.empty()
                    : Optional.of("an APNs token is 64 hexadecimal characters");
            case ANDROID -> token.length() > FCM_TOKEN_MAX
                    ? Optional.of("an FCM token has at most " + FCM_TOKEN_MAX + " characters")
                    : FCM_TOKEN.matcher(token).matches() ? Optional.empty()
                    : Optional.of("an FCM token has only letters, digits and '-', '_', ':', '.'");
        };
    }

    public static Optional<String> phoneProblem(String phone) {
        return phone == null || E164.matcher(phone).matches() ? Optional.empty()
                : Optional.of("must be an E.164 number such as +33612345678");
    }

    public static Optional<String> emailProblem(String email) {
        return email == null || (email.length() <= 320 && EMAIL.matcher(email).matches()) ? Optional.empty()
                : Optional.of("must be an e-mail address");
    }

    public static Optional<String> languageProblem(String language) {
        return LANGUAGES.contains(language) ? Optional.empty() : Optional.of("must be one of fr, en");
    }

    public static Optional<String> timeZoneProblem(String zone) {
        if (zone == null) {
            return Optional.empty();
        }
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("must be a time zone such as Europe/Paris");
        }
    }
}
