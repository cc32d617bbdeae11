package dev.duijie.server.cli;

import dev.duijie.corpus.Corpus;
import dev.duijie.embed.Embedder;
import dev.duijie.embed.EmbeddingCache;
import dev.duijie.index.IndexHome;
import dev.duijie.index.Passages;
import dev.duijie.index.VectorFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * float32 vs int8 HNSW on real embeddings: every bundled result, expert and result sentence as the indexed set, every
 * need as a query; recall@10 against exact search, index size, build time and query latency. Embeddings come from
 * (and go to) the eval's cache, so only the first run calls the model.
 */
final class VectorsBench {
    private VectorsBench() {
    }

    static void run(Corpus corpus, Path cacheDir, PrintWriter out) throws IOException {
        List<String> docs = new ArrayList<>();
        corpus.results().forEach(r -> {
            docs.add(r.title() + "\n" + r.summary());
            String body = Passages.body(r);
            Passages.sentences(body).forEach(s -> docs.add(body.substring(s[0], s[1])));
        });
        corpus.experts().forEach(e -> docs.add(e.name() + "\n" + String.join("、", e.areas()) + "\n" + e.bio()));
        List<float[]> base = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        try (Embedder embedder = Embedder.open();
             EmbeddingCache cache = EmbeddingCache.open(cacheDir, embedder.modelId(), embedder.dimension())) {
            for (String d : new ArrayList<>(new java.util.LinkedHashSet<>(docs))) {
                base.add(cache.get(d, embedder::embed));
            }
            corpus.needs().forEach(n -> queries.add(cache.get(n.text(), embedder::embed)));
        }
        List<Set<Integer>> exact = new ArrayList<>();
        for (float[] q : queries) {
            exact.add(exactTop(base, q, 10));
        }
        out.printf("vectors: %,d indexed (results, experts, result sentences), %,d need queries, dimension %d%n",
                base.size(), queries.size(), base.get(0).length);
        out.printf("%-8s %5s %10s %12s %10s %12s %12s%n", "format", "k", "recall@10", "index MB", "build s",
                "query p50 ms", "query p99 ms");
        for (VectorFormat format : VectorFormat.values()) {
            Path dir = Files.createTempDirectory("duijie-vectors");
            try (Directory d = FSDirectory.open(dir)) {
                long t0 = System.nanoTime();
                try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setCodec(format.codec())
                        .setRAMBufferSizeMB(256))) {
                    for (int i = 0; i < base.size(); i++) {
                        Document doc = new Document();
                        doc.add(new KnnFloatVectorField("v", base.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                        doc.add(new StoredField("i", i));
                        w.addDocument(doc);
                    }
                    w.forceMerge(1);
                }
                double buildSeconds = (System.nanoTime() - t0) / 1e9;
                long bytes = 0;
                for (String f : d.listAll()) {
                    bytes += d.fileLength(f);
                }
                try (DirectoryReader reader = DirectoryReader.open(d)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    for (int k : new int[]{10, 100}) { // 100: the candidates hybrid matching asks for
                        double hit = 0;
                        long[] nanos = new long[queries.size()];
                        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
                            hit = 0;
                            for (int qi = 0; qi < queries.size(); qi++) {
                                long s = System.nanoTime();
                                ScoreDoc[] top = searcher.search(new KnnFloatVectorQuery("v", queries.get(qi), k), 10).scoreDocs;
                                nanos[qi] = System.nanoTime() - s;
                                Set<Integer> found = new HashSet<>();
                                for (ScoreDoc sd : top) {
                                    found.add(searcher.storedFields().document(sd.doc).getField("i").numericValue().intValue());
                                }
                                found.retainAll(exact.get(qi));
                                hit += found.size() / 10.0;
                            }
                        }
                        Arrays.sort(nanos);
                        out.printf("%-8s %5d %10.4f %12.1f %10.1f %12.2f %12.2f%n", format, k, hit / queries.size(),
                                bytes / 1e6, buildSeconds, nanos[nanos.length / 2] / 1e6,
                                nanos[(int) (nanos.length * 0.99)] / 1e6);
                    }
                }
            } finally {
                IndexHome.deleteTree(dir);
            }
        }
        out.flush();
    }

    private static Set<Integer> exactTop(List<float[]> base, float[] q, int k) {
        Integer[] idx = new Integer[base.size()];
        double[] dots = new double[base.size()];
        for (int i = 0; i < base.size(); i++) {
            idx[i] = i;
            float[] v = base.get(i);
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                s += q[j] * v[j];
            }
            dots[i] = s;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(dots[b], dots[a]));
        return new HashSet<>(Arrays.asList(idx).subList(0, k));
    }
}
