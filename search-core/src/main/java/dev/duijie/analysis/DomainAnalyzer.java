package dev.duijie.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * The main Chinese chain for text fields: smartcn's HMM segmentation (which already lower-cases and folds
 * full-width letters and digits), then whole tokens for number+unit runs and lexicon terms over smartcn's pieces,
 * then punctuation removed. No stemming and no stop words: the index keeps every word so phrases and proximity
 * still work; the stop list only weights query terms.
 */
public final class DomainAnalyzer extends Analyzer {
    private final Lexicon lexicon;

    public DomainAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HMMChineseTokenizer();
        TokenStream chain = new AlnumJoinFilter(source);
        chain = new LexiconFilter(chain, lexicon);
        chain = new PunctuationFilter(chain);
        return new TokenStreamComponents(source, chain);
    }
}
