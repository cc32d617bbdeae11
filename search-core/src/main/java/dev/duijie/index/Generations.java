package dev.duijie.index;

import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Building generations and applying incremental updates to one. */
public final class Generations {
    private Generations() {
    }

    /**
     * Builds a complete new generation of {@code corpus} (plus {@code updates} applied on top) beside the live one:
     * written to {@code gen-N.tmp}, committed, then renamed to {@code gen-N}. Not live until {@link IndexHome#switchTo}.
     * With {@code vectors} (text → unit vector, {@code null} for none) records get embeddings as well.
     *
     * @return the new generation's name
     */
    public static String build(IndexHome home, Corpus corpus, List<UpdateJournal.Entry> updates, Vocabulary vocabulary,
                               List<java.nio.file.Path> userLexicons, int threads,
                               java.util.function.LongConsumer progress,
                               java.util.function.Function<String, float[]> vectors) throws IOException {
        Files.createDirectories(home.path());
        String name = home.nextGeneration();
        java.nio.file.Path tmp = home.path().resolve(name + ".tmp");
        IndexHome.deleteTree(tmp);
        IndexBuilder.build(corpus, tmp, vocabulary, threads, progress, vectors);
        if (!updates.isEmpty()) {
            apply(tmp, updates, vocabulary, vectors);
        }
        if (!userLexicons.isEmpty()) {
            // Stored with the generation: queries on it must be analyzed with the lexicon it was built with.
            StringBuilder all = new StringBuilder();
            for (java.nio.file.Path p : userLexicons) {
                all.append("# from ").append(p.getFileName()).append('\n')
                        .append(Files.readString(p, java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
            Files.writeString(tmp.resolve(Vocabulary.INDEX_LEXICON), all, java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.move(tmp, home.dir(name), StandardCopyOption.ATOMIC_MOVE);
        IndexHome.fsyncDir(home.path());
        return name;
    }

    /**
     * Applies upserts and deletes to the index in {@code dir} and commits once; with {@code vectors}, upserted
     * records get their embedding too (pass it whenever the index holds embeddings).
     */
    public static void apply(java.nio.file.Path dir, List<UpdateJournal.Entry> updates, Vocabulary vocabulary,
                             java.util.function.Function<String, float[]> vectors) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new Analyzers(vocabulary))
                .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
                .setCodec(VectorFormat.DEFAULT.codec());
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            for (UpdateJournal.Entry e : updates) {
                writer.deleteDocuments(new BooleanQuery.Builder()
                        .add(SearchIndex.kindQuery(e.kind()), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.ID, e.id())), BooleanClause.Occur.FILTER).build());
                if (!e.isDelete()) {
                    writer.addDocument(DocumentMapper.document(e.record(), vectors));
                }
            }
            writer.commit();
        }
    }
}
