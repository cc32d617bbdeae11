package dev.duijie.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Drops tokens with no letter, digit or symbol: smartcn emits every punctuation mark as a "," token. */
final class PunctuationFilter extends FilteringTokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    PunctuationFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        return Tokens.hasLetterOrDigit(termAtt);
    }
}
