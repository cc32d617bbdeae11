package dev.duijie.eval;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Result;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The setup a newcomer to Lucene would write, as the floor every Duijie mode must beat: {@link StandardAnalyzer}
 * (one token per Chinese character, no stop words), default BM25, one field of title + summary per result, and
 * the query's analyzed terms OR-ed together. It has no experts, so {@link QueryType#NEED_EXPERT} gets an empty
 * list. Thread-safe once built.
 */
public final class BaselineRanker implements Ranker, Closeable {
    /** Distinct query terms kept (the rest ignored); Lucene's default clause limit is also 1024. */
    public static final int MAX_TERMS = 1024;

    private static final String ID = "id";
    private static final String TEXT = "text";

    private final Analyzer analyzer = new StandardAnalyzer();
    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** Indexes every result of {@code corpus} in memory. */
    public BaselineRanker(Corpus corpus) throws IOException {
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Result r : corpus.results()) {
                    Document doc = new Document();
                    doc.add(new StoredField(ID, r.id()));
                    String summary = r.summary() == null ? "" : r.summary();
                    doc.add(new TextField(TEXT, r.title() + "\n" + summary, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory, analyzer);
            throw e;
        }
        searcher = new IndexSearcher(reader);
    }

    /** The newcomer's setup indexes results only. */
    @Override
    public boolean supports(QueryType type) {
        return type != QueryType.NEED_EXPERT;
    }

    @Override
    public List<String> rank(QueryType type, String qid, String text, int depth) throws IOException {
        if (type == QueryType.NEED_EXPERT || depth < 1 || text == null) {
            return List.of();
        }
        Set<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String t : terms) {
            query.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        TopDocs top = searcher.search(query.build(), depth);
        StoredFields stored = searcher.storedFields();
        List<String> ids = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            ids.add(stored.document(sd.doc).get(ID));
        }
        return List.copyOf(ids);
    }

    /** The distinct analyzed terms of {@code text}, in order, at most {@link #MAX_TERMS}. */
    Set<String> terms(String text) throws IOException {
        int max = Math.min(MAX_TERMS, IndexSearcher.getMaxClauseCount());
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (terms.size() < max && ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms;
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(reader, directory, analyzer);
    }
}
