package dev.duijie.analysis;

import dev.duijie.corpus.Problem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Token-by-token views of an analyzer's output, checked for Lucene's stream invariants on the way. */
final class TokenAssert {
    private TokenAssert() {
    }

    record Tok(String term, int pos, int posLen, int start, int end, String type) {
        @Override
        public String toString() {
            return term + "@" + pos + (posLen > 1 ? "+" + posLen : "") + (Tokens.WORD.equals(type) ? "" : ":" + type);
        }
    }

    static List<Tok> tokens(Analyzer analyzer, String text) {
        List<Tok> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            int lastStart = 0;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                if (pos < 0 || off.startOffset() < lastStart || off.endOffset() < off.startOffset()
                        || off.endOffset() > text.length()) {
                    throw new AssertionError("broken stream at " + term + ": pos " + pos + " offsets "
                            + off.startOffset() + "-" + off.endOffset() + " after start " + lastStart);
                }
                lastStart = off.startOffset();
                out.add(new Tok(term.toString(), pos, len.getPositionLength(), off.startOffset(), off.endOffset(),
                        type.type()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Compact form: {@code 氮化@0 氮化硅@0+2:lexicon 硅@1}. */
    static String show(Analyzer analyzer, String text) {
        return String.join(" ", tokens(analyzer, text).stream().map(Tok::toString).toList());
    }

    static Lexicon lexicon(String... terms) {
        List<Problem> problems = new ArrayList<>();
        Lexicon lexicon = Lexicon.build(List.of(source("test", String.join("\n", terms))), problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.toString());
        }
        return lexicon;
    }

    static Lexicon.Source source(String name, String content) {
        return new Lexicon.Source(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
