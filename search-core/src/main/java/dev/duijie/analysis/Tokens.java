package dev.duijie.analysis;

/** Token types and character tests shared by the analysis filters. */
public final class Tokens {
    /** A term found in the domain lexicon (a single smartcn word or a span over its pieces). */
    public static final String LEXICON = "lexicon";
    /** Letters and digits joined across smartcn's splits: 1200v, hv30, 28nm. */
    public static final String ALNUM = "alnum";
    /** smartcn's own type for everything it emits. */
    public static final String WORD = "word";

    private Tokens() {
    }

    static boolean hasLetterOrDigit(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_SYMBOL) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isLatinOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
