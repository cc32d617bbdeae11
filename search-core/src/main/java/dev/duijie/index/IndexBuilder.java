package dev.duijie.index;

import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Writes a complete index of a corpus into an empty (or replaced) directory. */
public final class IndexBuilder {
    private IndexBuilder() {
    }

    /**
     * Indexes every record of {@code corpus} into {@code dir}, replacing what was there, with {@code threads}
     * indexing threads (analysis dominates, so threads = cores). Commits once at the end: a crash leaves either the
     * previous commit or nothing, never half an index.
     */
    public static void build(Corpus corpus, Path dir, Vocabulary vocabulary, int threads) throws IOException {
        build(corpus, dir, vocabulary, threads, done -> { });
    }

    /** As above, reporting the number of records indexed so far to {@code progress} (every 1,000). */
    public static void build(Corpus corpus, Path dir, Vocabulary vocabulary, int threads,
                             java.util.function.LongConsumer progress) throws IOException {
        build(corpus, dir, vocabulary, threads, progress, null);
    }

    /** As above; with {@code vectors} (text → unit vector), every result, need and expert also gets its embedding. */
    public static void build(Corpus corpus, Path dir, Vocabulary vocabulary, int threads,
                             java.util.function.LongConsumer progress,
                             java.util.function.Function<String, float[]> vectors) throws IOException {
        Files.createDirectories(dir);
        List<Object> records = new ArrayList<>(corpus.institutions());
        records.addAll(corpus.experts());
        records.addAll(corpus.results());
        records.addAll(corpus.needs());
        IndexWriterConfig config = new IndexWriterConfig(new Analyzers(vocabulary))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCodec(VectorFormat.DEFAULT.codec())
                .setRAMBufferSizeMB(128);
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            int n = Math.max(1, threads);
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    int offset = t;
                    parts.add(pool.submit(() -> {
                        for (int i = offset; i < records.size(); i += n) {
                            writer.addDocument(DocumentMapper.document(records.get(i), vectors));
                            long count = done.incrementAndGet();
                            if (count % 1000 == 0) {
                                progress.accept(count);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("indexing interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }
}
