package io.firebreak.monitoring.sentiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells French from English with the words both languages use most and with French accents. Good enough
 * for a tweet; a text with no clue at all is taken as English.
 */
public final class LanguageDetector {

    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "is", "are", "was", "were", "you", "i", "i'm", "im", "to", "of", "it", "it's", "that",
            "this", "with", "for", "my", "on", "have", "has", "be", "what", "just", "not", "but", "so", "your",
            "me", "we", "they", "he", "she", "will", "at", "from", "by", "an", "or", "if", "can", "do", "don't",
            "all", "about", "get", "out", "up", "how", "who", "when", "no", "going", "tomorrow", "today", "day",
            "night", "like", "love", "good", "time", "see", "one", "new", "now", "our", "there", "their");
    private static final Set<String> FRENCH = Set.of(
            "le", "la", "les", "des", "et", "est", "un", "une", "du", "de", "je", "tu", "il", "elle", "nous",
            "vous", "ils", "pas", "que", "qui", "pour", "dans", "sur", "avec", "ce", "ces", "mais", "tres",
            "plus", "au", "aux", "en", "sont", "son", "sa", "ses", "mon", "ma", "mes", "c'est", "cest", "j'ai",
            "ou", "ne", "se", "y", "a", "ont", "fait", "etre", "tout", "bien", "comme", "par", "quand", "aussi",
            "moi", "toi", "lui", "leur", "cette", "cet", "va", "ça", "ca", "oui", "non", "trop", "aujourd'hui");

    private static final int IS_ENGLISH = 1;
    private static final int IS_FRENCH = 2;
    /** Both lists in one map, so that a word costs one lookup. */
    private static final Map<String, Integer> CUES = new HashMap<>();

    static {
        ENGLISH.forEach(word -> CUES.merge(word, IS_ENGLISH, (a, b) -> a | b));
        FRENCH.forEach(word -> CUES.merge(word, IS_FRENCH, (a, b) -> a | b));
    }

    private LanguageDetector() {
    }

    public static Language detect(String text) {
        Tokenizer.Tokens tokens = Tokenizer.tokenize(text == null ? "" : text, null, word -> false);
        return detect(tokens.list(), tokens.frenchAccents());
    }

    /** From the words of a text already cut by the {@link Tokenizer}, and its count of French accents. */
    static Language detect(List<Token> tokens, int frenchAccents) {
        int french = frenchAccents;
        int english = 0;
        for (Token token : tokens) {
            if (token.kind() != TokenKind.WORD) {
                continue;
            }
            String word = token.text();
            Integer cue = CUES.get(word);
            int flags = cue == null ? 0 : cue;
            if ((flags & IS_ENGLISH) != 0) {
                english++;
            }
            if ((flags & IS_FRENCH) != 0 || startsWithElision(word)) {
                french++;
            }
        }
        return french > english ? Language.FR : Language.EN;
    }

    private static boolean startsWithElision(String word) {
        return word.length() > 2 && word.charAt(1) == '\'' && "ldjmtsnc".indexOf(word.charAt(0)) >= 0
                || word.startsWith("qu'");
    }
}
