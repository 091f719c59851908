package io.firebreak.monitoring.sentiment;

/**
 * Case and accent folding with a lookup table rather than {@link java.text.Normalizer}: the analyzer folds
 * every character of every text, and the table is many times faster.
 */
public final class TextFolding {

    private static final char[] FOLDED = new char[0x180];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = Character.toLowerCase(c);
        }
        map("àáâãäåÀÁÂÃÄÅāĀăĂąĄ", 'a');
        map("çÇćĆčČ", 'c');
        map("èéêëÈÉÊËēĒėĖęĘěĚ", 'e');
        map("ìíîïÌÍÎÏīĪįĮ", 'i');
        map("ñÑńŃňŇ", 'n');
        map("òóôõöøÒÓÔÕÖØōŌőŐ", 'o');
        map("ùúûüÙÚÛÜūŪůŮűŰųŲ", 'u');
        map("ýÿÝŸ", 'y');
        map("žŽźŹżŻ", 'z');
        map("šŠśŚ", 's');
    }

    private TextFolding() {
    }

    private static void map(String from, char to) {
        for (int i = 0; i < from.length(); i++) {
            FOLDED[from.charAt(i)] = to;
        }
    }

    /** Lower case without accent; ’ becomes '. Characters outside Latin-1/Latin Extended-A keep their lower case. */
    public static char fold(char c) {
        if (c < FOLDED.length) {
            return FOLDED[c];
        }
        if (c == '\u2019' || c == '\u2018') {
            return '\'';
        }
        return Character.toLowerCase(c);
    }

    /** Folds a whole string; œ and æ become two letters, as people type them. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'œ', 'Œ' -> out.append("oe");
                case 'æ', 'Æ' -> out.append("ae");
                default -> out.append(fold(c));
            }
        }
        return out.toString();
    }
}
