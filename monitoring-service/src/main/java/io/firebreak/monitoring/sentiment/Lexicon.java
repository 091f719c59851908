package io.firebreak.monitoring.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The word lists of one language, read from the project's own resource files in {@code /sentiment}:
 * {@code lexicon-xx.txt} (word, valence), {@code modifiers-xx.txt} (negations, intensifiers, attenuators,
 * contrasts) and {@code emoji.txt} (shared by every language). Keys are folded (lower case, no accent).
 */
final class Lexicon {

    enum ModifierKind { NEGATION, INTENSIFIER, ATTENUATOR, CONTRAST }

    record Modifier(ModifierKind kind, float factor) {
    }

    /**
     * What the lexicon knows of a folded word: one map, so that a word costs one lookup.
     *
     * @param variantOf the valence of the lexicon word this one inflects ("hated" for "hate"), for a word that is
     *                  not itself in the lexicon; computed once at load rather than by cutting endings per word
     */
    record Entry(Float valence, Modifier modifier, Phrase phrase, Float variantOf) {

        /** Whether an expression of the lexicon starts with this word ("not bad", "pas mal"). */
        boolean startsExpression() {
            return phrase != null;
        }

        /** The word's own valence, else that of the word it inflects. */
        Float valenceOrVariant() {
            return valence != null ? valence : variantOf;
        }
    }

    /** Endings a word of the lexicon may take: plurals, feminines, tenses, adverbs, degrees. In order of preference. */
    private static final String[] FRENCH_ENDINGS = {"s", "x", "e", "es"};
    private static final String[] ENGLISH_ENDINGS = {"s", "es", "ed", "d", "ing", "ly", "'s", "st", "r", "est", "er"};

    private static final int FILTER_BITS = 1 << 18;

    private final Map<String, Float> valences = new HashMap<>();
    private final Map<String, Modifier> modifiers = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Float> symbols = new HashMap<>();
    /** First words of the expressions, so that most words need no expression lookup at all. */
    private final Map<String, Phrase> expressionStarts = new HashMap<>();
    /**
     * Two bits per known word in 32 KB, which stays in the CPU's cache where the map of some 30,000 words and forms
     * does not: most words of a post are in no lexicon, and the filter answers "not known" for them without touching
     * the map.
     */
    private final long[] filter = new long[FILTER_BITS / 64];
    private int longestSymbol;
    private String symbolStarts = "";

    private Lexicon() {
    }

    static Lexicon load(Language language) {
        Lexicon lexicon = new Lexicon();
        read("lexicon-" + language.code() + ".txt", (key, rest) -> {
            String folded = TextFolding.fold(key);
            lexicon.valences.putIfAbsent(folded, Float.parseFloat(rest[0]));
            int space = folded.indexOf(' ');
            if (space > 0) {
                lexicon.addExpression(folded, Float.parseFloat(rest[0]));
            }
        });
        read("modifiers-" + language.code() + ".txt", (key, rest) -> {
            ModifierKind kind = ModifierKind.valueOf(rest[0]);
            float factor = rest.length > 1 ? Float.parseFloat(rest[1]) : 1f;
            lexicon.modifiers.put(TextFolding.fold(key), new Modifier(kind, factor));
        });
        Set<String> words = new HashSet<>(lexicon.valences.keySet());
        words.addAll(lexicon.modifiers.keySet());
        words.addAll(lexicon.expressionStarts.keySet());
        // A word listed with valence 0 is a known neutral word: it carries nothing and only keeps the endings below
        // from reading it as a form of a lexicon word ("later" is not "late", "means" is not "mean").
        lexicon.valences.values().removeIf(valence -> valence == 0);
        for (String word : words) {
            lexicon.entries.put(word, new Entry(lexicon.valences.get(word), lexicon.modifiers.get(word),
                    lexicon.expressionStarts.get(word), null));
        }
        // Inflected forms of single words of at least three letters, the first ending in order winning.
        for (String ending : language == Language.FR ? FRENCH_ENDINGS : ENGLISH_ENDINGS) {
            for (Map.Entry<String, Float> known : lexicon.valences.entrySet()) {
                String base = known.getKey();
                if (base.length() > 2 && base.indexOf(' ') < 0) {
                    lexicon.entries.putIfAbsent(base + ending, new Entry(null, null, null, known.getValue()));
                }
            }
        }
        lexicon.entries.values().removeIf(entry -> entry.valence() == null && entry.modifier() == null
                && entry.phrase() == null && entry.variantOf() == null);
        for (String word : lexicon.entries.keySet()) {
            lexicon.remember(word.hashCode());
        }
        read("emoji.txt", (key, rest) -> {
            lexicon.symbols.put(key, Float.parseFloat(rest[0]));
            lexicon.longestSymbol = Math.max(lexicon.longestSymbol, key.length());
            if (lexicon.symbolStarts.indexOf(key.charAt(0)) < 0) {
                lexicon.symbolStarts += key.charAt(0);
            }
        });
        return lexicon;
    }

    private static void read(String name, BiConsumer<String, String[]> entry) {
        String path = "/sentiment/" + name;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String[] rest = new String[parts.length - 1];
                System.arraycopy(parts, 1, rest, 0, rest.length);
                entry.accept(parts[0].strip(), rest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** Everything known of a folded word, or {@code null} for most words. */
    Entry entry(String folded) {
        return mayKnow(folded.hashCode()) ? entries.get(folded) : null;
    }

    private void remember(int hash) {
        int first = firstBit(hash);
        int second = secondBit(hash);
        filter[first >>> 6] |= 1L << first;
        filter[second >>> 6] |= 1L << second;
    }

    private boolean mayKnow(int hash) {
        int first = firstBit(hash);
        int second = secondBit(hash);
        return (filter[first >>> 6] & 1L << first) != 0 && (filter[second >>> 6] & 1L << second) != 0;
    }

    private static int firstBit(int hash) {
        return (hash ^ hash >>> 16) & (FILTER_BITS - 1);
    }

    private static int secondBit(int hash) {
        return (hash * 0x9E3779B9 >>> 14) & (FILTER_BITS - 1);
    }

    /** The valence of a folded word or expression, or {@code null} when it carries none. */
    Float valence(String folded) {
        return valences.get(folded);
    }

    /**
     * One word of the expressions, as a tree from their first words: the valence of the expression that ends here,
     * if any, and the words that may follow. Walking it needs no key built from the words of a text.
     */
    static final class Phrase {
        private Float valence;
        private final Map<String, Phrase> next = new HashMap<>();

        Float valence() {
            return valence;
        }

        Phrase then(String word) {
            return next.get(word);
        }
    }

    private void addExpression(String folded, float valence) {
        String[] words = folded.split(" ");
        Phrase phrase = expressionStarts.computeIfAbsent(words[0], word -> new Phrase());
        for (int k = 1; k < words.length; k++) {
            phrase = phrase.next.computeIfAbsent(words[k], word -> new Phrase());
        }
        if (phrase.valence == null) {
            phrase.valence = valence;
        }
    }

    Modifier modifier(String folded) {
        return modifiers.get(folded);
    }

    /** The valence of an emoji or emoticon, exactly as written. */
    Float symbol(String symbol) {
        return symbols.get(symbol);
    }

    /** Whether an emoticon may start with this character: most punctuation starts none. */
    boolean mayStartSymbol(char c) {
        return symbolStarts.indexOf(c) >= 0;
    }

    int longestSymbol() {
        return longestSymbol;
    }
}
