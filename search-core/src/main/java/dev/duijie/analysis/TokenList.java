package dev.duijie.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A text's tokens as values: for query building, explanations, reports and the analyze command. */
public final class TokenList {
    /** One token: term, position, position length, character offsets in the text, type. */
    public record Tok(String term, int pos, int posLen, int start, int end, String type) {
    }

    private TokenList() {
    }

    /** The tokens {@code analyzer} makes of {@code text} for {@code field}, positions counted from 0. */
    public static List<Tok> of(Analyzer analyzer, String field, String text) {
        List<Tok> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Tok(term.toString(), pos, len.getPositionLength(), off.startOffset(), off.endOffset(),
                        type.type()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysis of an in-memory string cannot fail on I/O
        }
        return out;
    }
}
