package dev.duijie.analysis;

import dev.duijie.corpus.Problem;
import org.apache.lucene.analysis.Analyzer;

import java.io.ByteArrayInputStream;
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

    /** The tokens, after checking Lucene's stream invariants (positions from 0, offsets in order and in range). */
    static List<Tok> tokens(Analyzer analyzer, String text) {
        List<Tok> out = new ArrayList<>();
        int lastStart = 0;
        for (TokenList.Tok t : TokenList.of(analyzer, "f", text)) {
            if (t.pos() < 0 || t.start() < lastStart || t.end() < t.start() || t.end() > text.length()) {
                throw new AssertionError("broken stream at " + t);
            }
            lastStart = t.start();
            out.add(new Tok(t.term(), t.pos(), t.posLen(), t.start(), t.end(), t.type()));
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
