package dev.duijie.index;

import dev.duijie.analysis.BigramAnalyzer;
import dev.duijie.analysis.DomainAnalyzer;
import dev.duijie.analysis.Vocabulary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/** Routes every text field to its chain: {@code *.bigram} to the bigram recall chain, the rest to the domain chain. */
public final class Analyzers extends DelegatingAnalyzerWrapper {
    private final Analyzer domain;
    private final Analyzer bigram = new BigramAnalyzer();

    public Analyzers(Vocabulary vocabulary) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.domain = new DomainAnalyzer(vocabulary.lexicon());
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return Fields.isBigram(fieldName) ? bigram : domain;
    }

    /** The domain chain alone, for query analysis. */
    public Analyzer domain() {
        return domain;
    }

    /** The bigram chain alone, for query analysis. */
    public Analyzer bigram() {
        return bigram;
    }
}
