package io.firebreak.monitoring.sentiment;

enum TokenKind {
    /** A word or hashtag, folded. */
    WORD,
    /** An emoji or emoticon found in the lexicon. */
    SYMBOL,
    /** Punctuation that ends a clause: . , ; : ! ? */
    BREAK
}
