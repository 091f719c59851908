package io.firebreak.monitoring.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts a post into words, emojis, emoticons and clause breaks in one pass, without regular expressions
 * (the analyzer must score hundreds of thousands of posts a second). Links and @handles carry no sentiment
 * and are dropped; "#fail" is the word "fail"; "nuuuul" is "nul", marked elongated. It also counts the
 * letters with French accents, for the language detector.
 */
final class Tokenizer {

    private static final String FRENCH_ACCENTS = "àâçéèêëîïôùûüœÀÂÇÉÈÊËÎÏÔÙÛÜŒ";
    private static final int MAX_KEPT_BUFFER = 1 << 16;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[1024]);

    private Tokenizer() {
    }

    record Tokens(List<Token> list, int frenchAccents) {
    }

    /**
     * @param symbols where emojis and emoticons are looked up; null: they are skipped
     * @param known   whether a folded word exists in a lexicon, to shorten "goooood" to "good" but "nuuuul" to "nul"
     */
    static Tokens tokenize(String text, Lexicon symbols, Predicate<String> known) {
        List<Token> tokens = new ArrayList<>(text.length() / 2 + 4);
        char[] buffer = scratch(text.length() * 2);
        int[] accents = {0};
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || whitespace(c)) {
                i++;
            } else if (c == '@' || startsLink(text, i)) {
                i = skipToWhitespace(text, i);
            } else if (letterOrDigit(c)) {
                i = word(text, i, false, known, tokens, buffer, accents);
            } else if (c == '#' && i + 1 < n && letterOrDigit(text.charAt(i + 1))) {
                i = word(text, i + 1, true, known, tokens, buffer, accents);
            } else if (Character.isHighSurrogate(c) || c >= 0x2190 && !letterOrDigit(c)) {
                i = symbols == null ? i + Character.charCount(text.codePointAt(i)) : emoji(text, i, symbols, tokens);
            } else {
                int end = symbols != null && symbols.mayStartSymbol(c) ? emoticon(text, i, symbols, tokens) : i;
                if (end > i) {
                    i = end;
                    continue;
                }
                if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
                    String mark = c == '!' ? "!" : c == '?' ? "?" : ".";
                    tokens.add(new Token(TokenKind.BREAK, mark, i, i + 1, false, false, false, 0));
                }
                i++;
            }
        }
        return new Tokens(tokens, accents[0]);
    }

    /** More than half of the longer words in capitals: the writer shouts everything, which stresses nothing. */
    static boolean mostlyCapitals(List<Token> tokens) {
        int words = 0;
        int capitals = 0;
        for (Token token : tokens) {
            if (token.kind() == TokenKind.WORD && token.end() - token.start() >= 3) {
                words++;
                if (token.capitals()) {
                    capitals++;
                }
            }
        }
        return words > 0 && capitals * 2 > words;
    }

    // ASCII first: Character's own methods look every character up in Unicode tables, the hot spot of the tokenizer.

    private static boolean letterOrDigit(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                : Character.isLetterOrDigit(c);
    }

    private static boolean letter(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
    }

    private static boolean upperCase(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static boolean whitespace(char c) {
        return c < 128 ? c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F : Character.isWhitespace(c);
    }

    /** This thread's folding buffer, grown as needed: one less allocation per text. Huge texts get their own. */
    private static char[] scratch(int length) {
        char[] buffer = BUFFER.get();
        if (buffer.length < length) {
            buffer = new char[length];
            if (length <= MAX_KEPT_BUFFER) {
                BUFFER.set(buffer);
            }
        }
        return buffer;
    }

    private static boolean startsLink(String text, int i) {
        char c = text.charAt(i);
        return (c == 'h' || c == 'w') && (text.startsWith("http", i) || text.startsWith("www.", i));
    }

    private static int skipToWhitespace(String text, int i) {
        while (i < text.length() && !whitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int word(String text, int start, boolean hashtag, Predicate<String> known, List<Token> tokens,
                            char[] buffer, int[] accents) {
        int n = text.length();
        int length = 0;
        int letters = 0;
        int upper = 0;
        int run = 0;
        boolean elongated = false;
        boolean digitsOnly = true;
        int end = start;
        while (end < n) {
            char c = text.charAt(end);
            if (letterOrDigit(c)) {
                if (c >= 0xC0 && !hashtag && FRENCH_ACCENTS.indexOf(c) >= 0) {
                    accents[0]++;
                }
                if (letter(c)) {
                    letters++;
                    digitsOnly = false;
                    if (upperCase(c)) {
                        upper++;
                    }
                }
            } else if (!((c == '\'' || c == '\u2019' || c == '-') && end + 1 < n
                    && letter(text.charAt(end + 1)))) {
                break;
            }
            if (c == 'œ' || c == 'Œ') {
                buffer[length++] = 'o';
                buffer[length++] = 'e';
            } else {
                buffer[length++] = TextFolding.fold(c);
            }
            run = length > 1 && buffer[length - 1] == buffer[length - 2] ? run + 1 : 1;
            if (run >= 3) {
                elongated = true;
            }
            end++;
        }
        if (!digitsOnly) {
            String form = elongated ? shorten(buffer, length, known) : new String(buffer, 0, length);
            boolean titleCase = !hashtag && upper == 1 && letters >= 2 && upperCase(text.charAt(start))
                    && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == TokenKind.WORD;
            tokens.add(new Token(TokenKind.WORD, form, start, end, letters >= 3 && upper == letters, elongated,
                    titleCase, 0));
        }
        return end;
    }

    /** "goooood" → "good", "nuuuul" → "nul", "sooo" → "so": the shortening a lexicon knows, else single letters. */
    private static String shorten(char[] word, int length, Predicate<String> known) {
        String two = collapse(word, length, 2);
        return known.test(two) ? two : collapse(word, length, 1);
    }

    private static String collapse(char[] word, int length, int keep) {
        StringBuilder out = new StringBuilder(length);
        int run = 0;
        for (int k = 0; k < length; k++) {
            run = k > 0 && word[k] == word[k - 1] ? run + 1 : 1;
            if (run <= keep) {
                out.append(word[k]);
            }
        }
        return out.toString();
    }

    private static int emoji(String text, int start, Lexicon symbols, List<Token> tokens) {
        int codePoint = text.codePointAt(start);
        int end = start + Character.charCount(codePoint);
        String symbol = text.substring(start, end);
        Float valence = symbols.symbol(symbol);
        if (valence != null) {
            tokens.add(new Token(TokenKind.SYMBOL, symbol, start, end, false, false, false, valence));
        }
        return end;
    }

    /**
     * The longest emoticon of the lexicon at this position, not glued to a following word; start if none. One that
     * opens with a parenthesis glued to a word before it is the end of an aside, "(NYSE:TM):", not a face.
     */
    private static int emoticon(String text, int start, Lexicon symbols, List<Token> tokens) {
        char first = text.charAt(start);
        if ((first == ')' || first == '(') && start > 0 && letterOrDigit(text.charAt(start - 1))) {
            return start;
        }
        int longest = Math.min(symbols.longestSymbol(), text.length() - start);
        for (int length = longest; length >= 2; length--) {
            int end = start + length;
            if (end < text.length() && letterOrDigit(text.charAt(end))) {
                continue;
            }
            String candidate = text.substring(start, end);
            Float valence = symbols.symbol(candidate);
            if (valence != null) {
                tokens.add(new Token(TokenKind.SYMBOL, candidate, start, end, false, false, false, valence));
                return end;
            }
        }
        return start;
    }
}
