package io.firebreak.notification.push;

import java.util.UUID;

/**
 * The words of a crisis push in French or English, short enough for a lock screen: the providers cap a payload
 * at 4 KB, and phones cut a title after about 50 characters anyway.
 */
public final class PushTexts {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 240;

    private PushTexts() {
    }

    public static PushMessage crisisAlert(String language, UUID notificationId, UUID crisisId, String crisisTitle,
                                          String severity, String role, boolean backup) {
        boolean critical = "CRITICAL".equals(severity);
        boolean french = "fr".equals(language);
        String prefix = critical ? (french ? "[CRITIQUE] " : "[CRITICAL] ") : "";
        String title = prefix + (french ? "Crise : " : "Crisis: ") + crisisTitle;
        String body = french
                ? "Vous êtes " + role + (backup ? " (suppléant)" : "") + ". Ouvrez Firebreak pour lire le briefing "
                        + "et dire « Je prends le relais »."
                : "You are " + role + (backup ? " (backup)" : "") + ". Open Firebreak to read the briefing "
                        + "and say \"I'm on it\".";
        return new PushMessage(notificationId, crisisId, cut(title, MAX_TITLE), cut(body, MAX_BODY), severity,
                critical);
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
