package io.firebreak.notification.sms;

/**
 * The crisis SMS in French or English: who, what, and the two links. Kept under three concatenated segments
 * (3 × 153 GSM-7 characters) by cutting the crisis title, never the links.
 */
public final class SmsTexts {

    static final int MAX_LENGTH = 459;

    private SmsTexts() {
    }

    public static String crisisAlert(String language, String crisisTitle, String severity, String role,
                                     boolean backup, String briefingUrl, String ackUrl) {
        boolean french = "fr".equals(language);
        String head = french ? "Firebreak : crise « %s » (%s). Vous êtes %s%s.".formatted("%s", severity, role,
                backup ? " (suppléant)" : "")
                : "Firebreak: crisis \"%s\" (%s). You are %s%s.".formatted("%s", severity, role,
                backup ? " (backup)" : "");
        String tail = (french ? " Briefing : " : " Briefing: ") + briefingUrl
                + (french ? " Je prends le relais : " : " I'm on it: ") + ackUrl;
        int room = MAX_LENGTH - (head.length() - 2) - tail.length();
        String title = crisisTitle.length() <= Math.max(room, 10) ? crisisTitle
                : crisisTitle.substring(0, Math.max(room, 10) - 1) + "…";
        return head.replace("%s", title) + tail;
    }
}
