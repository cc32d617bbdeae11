package dev.duijie.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The recall field's chain: overlapping CJK bigrams (氮化硅基板 → 氮化 化硅 硅基 基板), so a multi-character term
 * that is in neither smartcn's dictionary nor the lexicon still matches. Latin words stay whole.
 */
public final class BigramAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream chain = new CJKWidthFilter(source);
        chain = new LowerCaseFilter(chain);
        chain = new CJKBigramFilter(chain);
        return new TokenStreamComponents(source, chain);
    }
}
