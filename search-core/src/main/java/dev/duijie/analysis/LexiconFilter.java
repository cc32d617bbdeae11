package dev.duijie.analysis;

import org.apache.lucene.analysis.TokenStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Emits every domain-lexicon term found in the text as one token over smartcn's pieces (氮化/硅 → 氮化硅).
 * At each starting character only the longest term is taken (梯度硬质合金, not 梯度硬质); terms starting
 * later are found on their own, so nested and overlapping terms (硬质合金 inside 梯度硬质合金) are all indexed.
 */
final class LexiconFilter extends SpanningFilter {
    private final Lexicon lexicon;

    LexiconFilter(TokenStream input, Lexicon lexicon) {
        super(input);
        this.lexicon = lexicon;
    }

    @Override
    List<Span> spans(CharSequence text) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            int end = lexicon.longestMatch(text, i);
            if (end > 0) {
                out.add(new Span(i, end, text.subSequence(i, end).toString(), Tokens.LEXICON));
            }
        }
        return out;
    }
}
