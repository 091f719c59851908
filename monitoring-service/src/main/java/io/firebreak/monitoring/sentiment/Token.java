package io.firebreak.monitoring.sentiment;

/**
 * One word, symbol or clause break of a text.
 *
 * @param text      folded form used for lookups (elongations shortened)
 * @param start     offset of the token in the text, to quote it as written in the cues
 * @param end       offset just after it
 * @param capitals  written in capitals ("GREAT")
 * @param elongated a letter was repeated three times or more ("nuuuul")
 * @param titleCase written "Like This" inside a sentence: more often a name ("Fair & Balanced") than an opinion
 * @param valence   of a SYMBOL
 */
record Token(TokenKind kind, String text, int start, int end, boolean capitals, boolean elongated,
             boolean titleCase, float valence) {
}
