package io.firebreak.notification.ack;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two small pages behind an acknowledge link, in the recipient's language. Opening the link only shows the
 * confirm button: mail scanners and link previews fetch links with GET, and must not say "I'm on it" for anyone.
 */
public final class AckPages {

    private AckPages() {
    }

    public static String confirm(String language, String crisisTitle, String role) {
        boolean french = "fr".equals(language);
        String heading = french ? "Crise « " + escape(crisisTitle) + " »" : "Crisis \"" + escape(crisisTitle) + "\"";
        String text = french ? "Vous êtes " + escape(role) + ". Confirmez que vous prenez le relais :"
                : "You are " + escape(role) + ". Confirm that you are on it:";
        String button = french ? "Je prends le relais" : "I'm on it";
        // An empty action posts back to this very link.
        return page(language, heading, "<p>" + text + "</p>\n<form method=\"post\" action=\"\">"
                + "<button type=\"submit\">" + button + "</button></form>");
    }

    public static String done(String language, Instant acknowledgedAt) {
        boolean french = "fr".equals(language);
        String at = acknowledgedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        return page(language, french ? "Merci" : "Thank you", "<p>" + (french
                ? "Votre prise en charge est enregistrée (" + at + "). L'escalade s'arrête pour vous."
                : "Your acknowledgement is recorded (" + at + "). Nobody else will be paged for you.") + "</p>");
    }

    private static String page(String language, String heading, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + ("fr".equals(language) ? "fr" : "en") + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Firebreak</title></head>\n"
                + "<body>\n<h1>" + heading + "</h1>\n" + body + "\n</body>\n</html>\n";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
