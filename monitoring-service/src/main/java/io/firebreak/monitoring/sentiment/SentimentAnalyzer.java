package io.firebreak.monitoring.sentiment;

import io.firebreak.monitoring.sentiment.Lexicon.Modifier;
import io.firebreak.monitoring.sentiment.Lexicon.ModifierKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Lexicon and rules sentiment for social-media French and English, in the spirit of VADER: each word,
 * expression, emoji or emoticon of the lexicon brings its valence, which the words around it change
 * (negation, intensifiers, attenuators, "but"/"mais"), and the writing too (CAPITALS, elongated
 * "nuuuul", exclamation marks, a question mark after praise, capitalised names such as "Bad Girls Club").
 * A negation that negates no sentiment word still leans negative. The sum is squashed into [-1, 1] and
 * cut into three labels, with a neutral band wide enough that one faint cue does not decide.
 * Thread-safe: the lexicons are read once and never changed.
 */
public final class SentimentAnalyzer {

    /** Valence of a negated word: "not good" is bad, but less than "bad"; "not bad" is mildly good. */
    private static final float NEGATION_FACTOR = -0.6f;
    /** How many words after a negation it still reaches, unless punctuation or "but" ends it first. */
    private static final int NEGATION_REACH = 3;
    /** A negation that reaches no sentiment word ("I wanted to go, but I can't") still leans negative. */
    private static final float BARE_NEGATION = -0.6f;
    private static final float BEFORE_CONTRAST = 0.5f;
    private static final float AFTER_CONTRAST = 1.5f;
    private static final float CAPITALS_FACTOR = 1.5f;
    private static final float ELONGATION_FACTOR = 1.3f;
    private static final float EXCLAMATION_BOOST = 0.3f;
    /** Praise inside a question ("is it any good?", "who's excited for this?") is asked about more than given. */
    private static final float QUESTION_FACTOR = 0.5f;
    /** "Like This" inside a sentence is more often a name (a show, a team) than an opinion. */
    private static final float TITLE_CASE_FACTOR = 0.4f;
    /** A capitalised word next to another ("Magic Mike", "Bad Girls Club", "Good Friday") is part of a name. */
    private static final float NAME_FACTOR = 0f;
    /** Squashing constant: score = sum / sqrt(sum² + ALPHA), so one "great" (3) scores about 0.6. */
    private static final float ALPHA = 15f;
    private static final int MAX_CUES = 5;

    private final Map<Language, Lexicon> lexicons = new EnumMap<>(Language.class);
    private final Predicate<String> known = this::known;
    private final double positiveThreshold;
    private final double negativeThreshold;

    /**
     * The analyzer with its default thresholds: one mild word ("ok", "late") is just enough for a label, a softened
     * ("kinda ok") or questioned one is not. The negative side starts nearer zero, because criticism is often written
     * more mildly than praise: a bare "can't" is enough.
     */
    public SentimentAnalyzer() {
        this(0.24, -0.12);
    }

    /** @param positiveThreshold score from which a text is positive; negativeThreshold: up to which it is negative */
    public SentimentAnalyzer(double positiveThreshold, double negativeThreshold) {
        for (Language language : Language.values()) {
            lexicons.put(language, Lexicon.load(language));
        }
        this.positiveThreshold = positiveThreshold;
        this.negativeThreshold = negativeThreshold;
    }

    /** Scores a text whose language is unknown: it is detected. */
    public SentimentResult analyze(String text) {
        return analyze(text, null);
    }

    /** Scores a text; a null language is detected from the text. */
    public SentimentResult analyze(String text, Language language) {
        String safe = text == null ? "" : text.indexOf('\\') >= 0 ? unescape(text) : text;
        Tokenizer.Tokens tokens = Tokenizer.tokenize(safe, lexicons.get(Language.EN), known);
        Language lang = language != null ? language
                : LanguageDetector.detect(tokens.list(), tokens.frenchAccents());
        return score(safe, tokens.list(), lang);
    }

    /**
     * Text that went through JSON twice keeps its escapes literally (a backslash, "u", four hex digits): "don",
     * escape, "t" would lose the negation "don’t". Only well-formed escapes are decoded.
     */
    static String unescape(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = text.indexOf('\\'); i >= 0 && i + 6 <= text.length(); i = text.indexOf('\\', i + 1)) {
            if (text.charAt(i + 1) != 'u') {
                continue;
            }
            int code = 0;
            boolean hex = true;
            for (int k = i + 2; k < i + 6 && hex; k++) {
                int digit = Character.digit(text.charAt(k), 16);
                hex = digit >= 0;
                code = code * 16 + digit;
            }
            if (!hex) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append((char) code);
            copied = i + 6;
            i += 5;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private boolean known(String folded) {
        for (Lexicon lexicon : lexicons.values()) {
            Lexicon.Entry entry = lexicon.entry(folded);
            if (entry != null && (entry.valence() != null || entry.modifier() != null)) {
                return true;
            }
        }
        return false;
    }

    private SentimentResult score(String text, List<Token> tokens, Language language) {
        Lexicon lexicon = lexicons.get(language);
        boolean shouting = Tokenizer.mostlyCapitals(tokens);
        List<Cue> cues = new ArrayList<>();
        float sum = 0;
        float contrastFactor = 1;
        float pendingFactor = 1;
        int negatedUntil = -1;
        boolean negationUsed = true;
        int exclamations = 0;
        int wordIndex = 0;
        float clausePositive = 0;

        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.BREAK) {
                negatedUntil = -1;
                pendingFactor = 1;
                if ("!".equals(token.text())) {
                    exclamations++;
                } else if ("?".equals(token.text()) && clausePositive > 0) {
                    sum -= clausePositive * (1 - QUESTION_FACTOR);
                }
                clausePositive = 0;
                continue;
            }
            if (token.kind() == TokenKind.SYMBOL) {
                sum += token.valence() * contrastFactor;
                cues.add(new Cue(token.start(), token.end(), token.valence() * contrastFactor));
                continue;
            }
            wordIndex++;

            Lexicon.Entry entry = lexicon.entry(token.text());
            Expression expression = entry != null && entry.startsExpression()
                    ? expressionAt(tokens, i, entry.phrase()) : null;
            if (expression == null) {
                Modifier modifier = entry == null ? null : entry.modifier();
                if (modifier != null && !usedAsWord(modifier, tokens, i, lexicon)) {
                    switch (modifier.kind()) {
                        case NEGATION -> {
                            if (!negationUsed) {
                                sum += BARE_NEGATION * contrastFactor;
                            }
                            negatedUntil = wordIndex + NEGATION_REACH;
                            negationUsed = false;
                        }
                        case INTENSIFIER, ATTENUATOR -> pendingFactor *= modifier.factor();
                        case CONTRAST -> {
                            if (!negationUsed) {
                                sum += BARE_NEGATION * contrastFactor;
                                negationUsed = true;
                            }
                            sum *= BEFORE_CONTRAST;
                            clausePositive *= BEFORE_CONTRAST;
                            for (int c = 0; c < cues.size(); c++) {
                                cues.set(c, cues.get(c).scaled(BEFORE_CONTRAST));
                            }
                            contrastFactor = AFTER_CONTRAST;
                            negatedUntil = -1;
                        }
                    }
                    continue;
                }
                if (isFrenchNegationPrefix(token, language)) {
                    negatedUntil = wordIndex + NEGATION_REACH;
                }
                Float valence = entry != null ? entry.valenceOrVariant()
                        : withoutElision(token.text(), lexicon, language);
                if (valence == null) {
                    continue;
                }
                expression = new Expression(token.start(), token.end(), valence, 1);
            }

            float value = expression.valence() * pendingFactor;
            pendingFactor = 1;
            if (token.capitals() && !shouting) {
                value *= CAPITALS_FACTOR;
            }
            if (token.titleCase()) {
                value *= TITLE_CASE_FACTOR;
            }
            if (!shouting && partOfName(text, tokens, i, expression.length())) {
                value *= NAME_FACTOR;
            }
            if (token.elongated()) {
                value *= ELONGATION_FACTOR;
            }
            if (wordIndex <= negatedUntil && !negatesItself(entry, expression)) {
                value *= NEGATION_FACTOR;
                negationUsed = true;
            }
            value *= contrastFactor;
            sum += value;
            if (value > 0) {
                clausePositive += value;
            }
            if (value != 0) {
                cues.add(new Cue(expression.start(), expression.end(), value));
            }
            i += expression.length() - 1;
            wordIndex += expression.length() - 1;
        }

        if (!negationUsed) {
            sum += BARE_NEGATION * contrastFactor;
        }
        if (sum != 0 && exclamations > 0) {
            sum += Math.signum(sum) * EXCLAMATION_BOOST * Math.min(exclamations, 3);
        }
        double score = sum / Math.sqrt(sum * sum + ALPHA);
        SentimentLabel label = score >= positiveThreshold ? SentimentLabel.POSITIVE
                : score <= negativeThreshold ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new SentimentResult(label, Math.round(score * 1000) / 1000.0, language, decisive(text, cues, label));
    }

    /** "super" or "grave" intensify the next word when it carries sentiment, and are words of their own otherwise. */
    private static boolean usedAsWord(Modifier modifier, List<Token> tokens, int i, Lexicon lexicon) {
        if (modifier.kind() != ModifierKind.INTENSIFIER || lexicon.valence(tokens.get(i).text()) == null) {
            return false;
        }
        if (i + 1 >= tokens.size() || tokens.get(i + 1).kind() != TokenKind.WORD) {
            return true;
        }
        String next = tokens.get(i + 1).text();
        return lexicon.valence(next) == null && lexicon.modifier(next) == null;
    }

    /** "not ok", "pas top": an expression that carries its own negation is not negated again by a "no" before it. */
    private static boolean negatesItself(Lexicon.Entry entry, Expression expression) {
        return expression.length() > 1 && entry.modifier() != null && entry.modifier().kind() == ModifierKind.NEGATION;
    }

    /**
     * The words i to i + length - 1 start with a capital inside a sentence, and so does a word right before or after
     * them. A capital that opens a sentence says nothing: "Happy Friday!" is a wish, not a name.
     */
    private static boolean partOfName(String text, List<Token> tokens, int i, int length) {
        Token first = tokens.get(i);
        if (i == 0 || tokens.get(i - 1).kind() != TokenKind.WORD || first.capitals() || hashtag(text, first)
                || !Character.isUpperCase(text.charAt(first.start()))) {
            return false;
        }
        return capitalised(text, tokens, i - 1) || capitalised(text, tokens, i + length);
    }

    private static boolean capitalised(String text, List<Token> tokens, int k) {
        if (k < 0 || k >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(k);
        return token.kind() == TokenKind.WORD && !token.capitals() && !hashtag(text, token)
                && Character.isUpperCase(text.charAt(token.start()));
    }

    private static boolean hashtag(String text, Token token) {
        return token.start() > 0 && text.charAt(token.start() - 1) == '#';
    }

    /** "n'aime", "n'est": the French "ne" glued to its verb opens a negation. */
    private static boolean isFrenchNegationPrefix(Token token, Language language) {
        String text = token.text();
        return language == Language.FR && text.length() > 2 && text.charAt(0) == 'n' && text.charAt(1) == '\'';
    }

    /** The longest lexicon expression of two or three words starting at token i, if any. */
    private static Expression expressionAt(List<Token> tokens, int i, Lexicon.Phrase first) {
        Lexicon.Phrase phrase = first;
        Expression longest = null;
        for (int k = 1; k <= 2 && i + k < tokens.size(); k++) {
            Token next = tokens.get(i + k);
            phrase = next.kind() == TokenKind.WORD ? phrase.then(next.text()) : null;
            if (phrase == null) {
                break;
            }
            if (phrase.valence() != null) {
                longest = new Expression(tokens.get(i).start(), next.end(), phrase.valence(), k + 1);
            }
        }
        return longest;
    }

    /** "j'adore", "l'horreur": a French word the lexicon knows once the elided article or pronoun is removed. */
    private static Float withoutElision(String word, Lexicon lexicon, Language language) {
        int apostrophe = word.indexOf('\'');
        if (language != Language.FR || apostrophe <= 0 || apostrophe > 6 || apostrophe >= word.length() - 1) {
            return null;
        }
        Lexicon.Entry entry = lexicon.entry(word.substring(apostrophe + 1));
        return entry == null ? null : entry.valenceOrVariant();
    }

    /** The cues that pull towards the label (all of them for a neutral text), strongest first. */
    private static List<String> decisive(String text, List<Cue> cues, SentimentLabel label) {
        if (cues.isEmpty()) {
            return List.of();
        }
        List<Cue> kept = new ArrayList<>(cues.size());
        for (Cue cue : cues) {
            if (label == SentimentLabel.NEUTRAL || (cue.value() > 0) == (label == SentimentLabel.POSITIVE)) {
                kept.add(cue);
            }
        }
        kept.sort((a, b) -> Float.compare(Math.abs(b.value()), Math.abs(a.value())));
        String[] texts = new String[Math.min(kept.size(), MAX_CUES)];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = text.substring(kept.get(k).start(), kept.get(k).end());
        }
        return List.of(texts);
    }

    /** A word, expression or symbol that counted, by its place in the text: quoted only if it decides. */
    private record Cue(int start, int end, float value) {
        Cue scaled(float factor) {
            return new Cue(start, end, value * factor);
        }
    }

    private record Expression(int start, int end, float valence, int length) {
    }
}
