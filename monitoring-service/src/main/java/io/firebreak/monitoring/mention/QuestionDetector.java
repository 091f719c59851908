package io.firebreak.monitoring.mention;

import io.firebreak.monitoring.sentiment.TextFolding;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a post asks something, in French or English: a question mark (French writes it after a space,
 * "c'est quand ?"), a sentence opening with an interrogative ("why", "pourquoi", "est-ce que", "vous allez"...),
 * or a French inversion ("allez-vous", "va-t-il", "puis-je"). A post that asks gets an answer first.
 */
public final class QuestionDetector {

    /** Links, whose query strings carry '?' without asking anything. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    /** Handles and hashtags in front of a sentence ("@acme why ...") do not change how it opens. */
    private static final Pattern LEADING_TAGS = Pattern.compile("^(?:[@#]\\S+[\\s,:]*)+");
    /** Verb, hyphen, subject pronoun: "allez-vous", "pouvez-vous", "va-t-il", "puis-je", "est-ce". */
    private static final Pattern INVERSION = Pattern.compile("(?U)\\b(?!rendez-vous\\b)(?!" + reportingVerbs()
            + ")\\p{L}+-(?:t-)?(?:vous|tu|ils|elles|il|elle|on|je|nous)\\b|\\best-ce\\b");

    /** Openings, accents removed, compared with whole words at the start of a sentence. */
    private static final List<String> OPENINGS = List.of(
            // English
            // (not "do", "have", "was": they open orders and statements as often as questions)
            "why", "when", "how", "what", "where", "who", "whose", "which",
            "is", "are", "can", "could", "will", "would", "should", "does", "did", "has",
            "isn't", "aren't", "can't", "won't", "doesn't", "didn't",
            // French (not "quel", "quelle": "quelle honte !" exclaims)
            "pourquoi", "quand", "comment", "est-ce que", "est ce que", "c'est quand", "c'est pour quand",
            "qui", "combien", "vous allez", "a quand");
    /** Exclamations that open like a question: "what a mess", "how dare you". */
    private static final List<String> EXCLAMATIONS = List.of("what a ", "what an ", "how dare ");

    private QuestionDetector() {
    }

    public static boolean isQuestion(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        // Every mention passes here: the patterns only run on the texts that can match them.
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("http") || lower.contains("www.")) {
            lower = URL.matcher(lower).replaceAll(" ");
        }
        if (lower.indexOf('?') >= 0 || lower.indexOf('？') >= 0 || lower.indexOf('¿') >= 0) {
            return true;
        }
        // "où" (where) loses its accent below and would read as "ou" (or): only the accented one opens a question.
        lower = lower.replace('’', '\'');
        if (lower.indexOf('-') >= 0 && INVERSION.matcher(lower).find()) {
            return true;
        }
        int start = 0;
        while (start < lower.length()) {
            int end = start;
            while (end < lower.length() && !endsSentence(lower.charAt(end))) {
                end++;
            }
            if (end > start && opensWithQuestion(lower.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == ';' || c == '\n' || c == '\r' || c == '…';
    }

    private static boolean opensWithQuestion(String sentence) {
        String opening = sentence.strip();
        if (!opening.isEmpty() && (opening.charAt(0) == '@' || opening.charAt(0) == '#')) {
            opening = LEADING_TAGS.matcher(opening).replaceFirst("");
        }
        if (opening.startsWith("où ") || opening.equals("où")) {
            return true;
        }
        String head = foldedHead(opening);
        if (head.isEmpty()) {
            return false;
        }
        for (String exclamation : EXCLAMATIONS) {
            if (head.startsWith(exclamation)) {
                return false;
            }
        }
        for (String interrogative : OPENINGS) {
            if (head.startsWith(interrogative) && (head.length() == interrogative.length()
                    || !Character.isLetter(head.charAt(interrogative.length()))
                    && head.charAt(interrogative.length()) != '\'')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words opening a sentence (letters, apostrophes, spaces and hyphens; the longest opening is "c'est pour
     * quand", so 40 characters are enough), without accents: "À quand" reads "a quand". Folded by table, as the
     * analyzer does: every mention passes here, and {@link java.text.Normalizer} took a third of this detector's time.
     */
    private static String foldedHead(String opening) {
        int length = Math.min(opening.length(), 40);
        StringBuilder head = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = opening.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // a decomposed accent
            }
            if (!Character.isLetter(c) && c != '\'' && c != ' ' && c != '-') {
                break;
            }
            head.append(TextFolding.fold(c));
        }
        return head.toString();
    }

    /** "dit-il", "explique-t-elle": a quotation's incise, not a question. */
    private static String reportingVerbs() {
        return "(?:dit|ajoute|explique|affirme|précise|déclare|estime|raconte|poursuit|indique|assure|confie"
                + "|rappelle|souligne|répond|lance|conclut)-";
    }
}
