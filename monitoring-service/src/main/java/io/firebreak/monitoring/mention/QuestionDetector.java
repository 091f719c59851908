package io.firebreak.monitoring.mention;

import java.text.Normalizer;
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
    private static final Pattern SENTENCE_END = Pattern.compile("[.!;\\n\\r…]+");
    /** Verb, hyphen, subject pronoun: "allez-vous", "pouvez-vous", "va-t-il", "puis-je", "est-ce". */
    private static final Pattern INVERSION = Pattern.compile("(?U)\\b(?!rendez-vous\\b)(?!" + reportingVerbs()
            + ")\\p{L}+-(?:t-)?(?:vous|tu|ils|elles|il|elle|on|je|nous)\\b|\\best-ce\\b");
    private static final Pattern WORD_START = Pattern.compile("^[\\p{L}'’ -]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");

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
        for (String sentence : SENTENCE_END.split(lower)) {
            String opening = sentence.strip();
            if (!opening.isEmpty() && (opening.charAt(0) == '@' || opening.charAt(0) == '#')) {
                opening = LEADING_TAGS.matcher(opening).replaceFirst("");
            }
            if (opening.startsWith("où ") || opening.equals("où")) {
                return true;
            }
            // The longest opening is "c'est pour quand": the head of the sentence is enough to compare.
            if (opensWithInterrogative(stripAccents(opening.substring(0, Math.min(opening.length(), 40))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean opensWithInterrogative(String sentence) {
        var words = WORD_START.matcher(sentence);
        if (!words.find()) {
            return false;
        }
        String head = words.group();
        if (EXCLAMATIONS.stream().anyMatch(head::startsWith)) {
            return false;
        }
        for (String opening : OPENINGS) {
            if (head.startsWith(opening) && (head.length() == opening.length()
                    || !Character.isLetter(head.charAt(opening.length())) && head.charAt(opening.length()) != '\'')) {
                return true;
            }
        }
        return false;
    }

    /** "dit-il", "explique-t-elle": a quotation's incise, not a question. */
    private static String reportingVerbs() {
        return "(?:dit|ajoute|explique|affirme|précise|déclare|estime|raconte|poursuit|indique|assure|confie"
                + "|rappelle|souligne|répond|lance|conclut)-";
    }

    private static String stripAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return text;
    }
}
