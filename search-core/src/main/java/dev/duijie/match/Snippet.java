package dev.duijie.match;

import java.util.List;

/**
 * A sentence of the hit's text with the matched terms marked.
 *
 * @param text       the sentence, verbatim
 * @param highlights non-overlapping [start, end) character ranges of {@code text} to mark, in order
 */
public record Snippet(String text, List<Highlight> highlights) {
    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /** A marked range of a snippet's text. */
    public record Highlight(int start, int end) {
    }

    /** The text with each highlight wrapped in 【】, for terminals. */
    public String marked() {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Highlight h : highlights) {
            sb.append(text, at, h.start()).append('【').append(text, h.start(), h.end()).append('】');
            at = h.end();
        }
        return sb.append(text.substring(at)).toString();
    }
}
