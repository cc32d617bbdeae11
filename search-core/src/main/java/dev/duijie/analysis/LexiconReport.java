package dev.duijie.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the lexicon changes analysis: for every term, whether plain smartcn splits it and whether the Duijie chain
 * emits it whole. The chain must keep 100 % whole; the split share says how much the lexicon is worth.
 *
 * @param terms       lexicon size
 * @param splitBySmartcn terms smartcn alone does not keep as one token, with its pieces
 * @param notWhole    terms the chain fails to emit as one token (should be empty)
 */
public record LexiconReport(int terms, List<String> splitBySmartcn, List<String> notWhole) {

    public static LexiconReport of(Lexicon lexicon) {
        Analyzer chain = new DomainAnalyzer(lexicon);
        List<String> split = new ArrayList<>();
        List<String> notWhole = new ArrayList<>();
        lexicon.terms().forEach((normalized, original) -> {
            List<String> pieces = smartcnTokens(original);
            if (pieces.size() != 1) {
                split.add(original + " → " + String.join("/", pieces));
            }
            if (!tokens(chain, original).contains(normalized)) {
                notWhole.add(original);
            }
        });
        return new LexiconReport(lexicon.size(), List.copyOf(split), List.copyOf(notWhole));
    }

    private static List<String> smartcnTokens(String text) {
        try (HMMChineseTokenizer t = new HMMChineseTokenizer()) {
            t.setReader(new StringReader(text));
            return collect(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        return TokenList.of(analyzer, "f", text).stream().map(TokenList.Tok::term).toList();
    }

    private static List<String> collect(TokenStream ts) throws IOException {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        List<String> out = new ArrayList<>();
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term.toString());
        }
        ts.end();
        return out;
    }
}
