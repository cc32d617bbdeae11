package dev.duijie.index;

import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Kind;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** An open index: the reader and searcher, the analyzers it was built with, and facet state. */
public final class SearchIndex implements Closeable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzers analyzers;
    private final Vocabulary vocabulary;
    private final SortedSetDocValuesReaderState facetState;

    private SearchIndex(Directory directory, DirectoryReader reader, Vocabulary vocabulary) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.vocabulary = vocabulary;
        this.analyzers = new Analyzers(vocabulary);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, DocumentMapper.FACETS);
    }

    /** Opens {@code dir} (memory-mapped on 64-bit JVMs). */
    public static SearchIndex open(Path dir, Vocabulary vocabulary) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            return new SearchIndex(directory, DirectoryReader.open(directory), vocabulary);
        } catch (IndexNotFoundException e) {
            directory.close();
            throw new IOException("no index in " + dir, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public Analyzers analyzers() {
        return analyzers;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** Whether records carry embeddings (an index built with the model available and embeddings on). */
    public boolean hasVectors() {
        return reader.leaves().stream().anyMatch(l -> l.reader().getFieldInfos().fieldInfo(Fields.VECTOR) != null);
    }

    /** Bytes of the index files. */
    public long sizeBytes() throws IOException {
        long total = 0;
        for (String f : directory.listAll()) {
            total += directory.fileLength(f);
        }
        return total;
    }

    /** Number of documents of one kind. */
    public int count(Kind kind) throws IOException {
        return searcher.count(kindQuery(kind));
    }

    public static Query kindQuery(Kind kind) {
        return new TermQuery(new Term(Fields.KIND, kind.name()));
    }

    /** The stored record of one kind and id. */
    public Optional<Object> get(Kind kind, String id) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(kindQuery(kind), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(q, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(record(kind, top.scoreDocs[0].doc));
    }

    /** The stored record of a document known to be of {@code kind}. */
    public Object record(Kind kind, int doc) throws IOException {
        Document d = searcher.storedFields().document(doc);
        org.apache.lucene.util.BytesRef json = d.getBinaryValue(Fields.SOURCE);
        return RecordJson.read(kind, java.util.Arrays.copyOfRange(json.bytes, json.offset, json.offset + json.length));
    }

    /**
     * Index of the body sentence (as cut by {@link Passages#sentences}) nearest to {@code queryVector}, or -1 when
     * the doc has no sentence embeddings.
     */
    public int nearestSentence(int doc, float[] queryVector) throws IOException {
        return Passages.nearest(passages(doc), queryVector);
    }

    private byte[] passages(int doc) throws IOException {
        org.apache.lucene.util.BytesRef packed = searcher.storedFields().document(doc, java.util.Set.of(Fields.PASSAGES))
                .getBinaryValue(Fields.PASSAGES);
        return packed == null ? null
                : java.util.Arrays.copyOfRange(packed.bytes, packed.offset, packed.offset + packed.length);
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }
}
