package dev.duijie.match;

import dev.duijie.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Lexical + dense fusion by a normalised weighted sum: each candidate gets
 * {@code (1 − α) × L + α × D}, where L is the lexical score mapped to 0–1 the way 匹配度 maps it
 * ({@code 1 − e^(−steepness × score / ref)}) and D the cosine to the query rescaled from
 * [{@link MatchConfig#denseFloor}, 1] to [0, 1] (clamped), α = {@link MatchConfig#denseWeight}. Candidates are the
 * lexical and the dense top {@link MatchConfig#fusionDepth} (or the requested depth, if larger); each side's score is
 * computed exactly for the other side's candidates, so a record found by only one side is not penalised for a
 * missing score. Chosen over reciprocal-rank fusion because the fused score is itself a calibrated 0–1 match
 * degree (匹配度 = 100 × it) that stays comparable across queries — a need with no good answer scores low —
 * while rank fusion only orders; both were measured (docs/quality.md).
 */
final class HybridRanker {
    /** Candidate records up to which the dense side is searched exactly instead of through the HNSW graph. */
    static final int EXACT_BELOW = 20_000;

    private HybridRanker() {
    }

    /**
     * The fused top {@code depth}, scores in 0–1, best first.
     *
     * @param lexical   the lexical query (filters included)
     * @param filter    the filters alone, applied to the dense side too
     * @param reference the lexical score of a perfect single-field match (see {@link MatchConfig})
     * @param idOf      the id of a top-level doc, to re-find dense-only candidates lexically
     */
    static ScoreDoc[] rank(IndexSearcher searcher, Query lexical, Query filter, float[] vector, double reference,
                           int depth, MatchConfig config, IntFunction<String> idOf) throws IOException {
        int n = Math.max(depth, config.fusionDepth());
        Map<Integer, double[]> scores = new HashMap<>(); // doc → {lexical L, cosine}; NaN = not yet known
        ScoreDoc[] lexTop = searcher.search(lexical, n).scoreDocs;
        for (ScoreDoc sd : lexTop) {
            scores.put(sd.doc, new double[]{normalisedLexical(sd.score, reference, config), Double.NaN});
        }
        float[] query = withFeedback(searcher, vector, lexTop, config);
        for (ScoreDoc sd : nearest(searcher, query, filter, n)) {
            scores.computeIfAbsent(sd.doc, d -> new double[]{Double.NaN, Double.NaN})[1] = sd.score;
        }
        fillLexical(searcher, lexical, scores, reference, config, idOf);
        fillCosines(searcher, query, scores);
        double alpha = config.denseWeight();
        List<ScoreDoc> fused = new ArrayList<>(scores.size());
        for (Map.Entry<Integer, double[]> e : scores.entrySet()) {
            double cos = e.getValue()[1];
            double dense = Math.max(0, Math.min(1, (cos - config.denseFloor()) / (1 - config.denseFloor())));
            fused.add(new ScoreDoc(e.getKey(), (float) ((1 - alpha) * e.getValue()[0] + alpha * dense)));
        }
        fused.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        return fused.subList(0, Math.min(depth, fused.size())).toArray(ScoreDoc[]::new);
    }

    /**
     * The {@code n} records under {@code filter} nearest to {@code query}, scored by cosine. Exact below
     * {@link #EXACT_BELOW} candidates — complete and deterministic (an HNSW graph built by concurrent indexing threads
     * differs from build to build), and cheap: 2,000 × 512 multiply-adds take about a millisecond — HNSW above.
     */
    private static ScoreDoc[] nearest(IndexSearcher searcher, float[] query, Query filter, int n) throws IOException {
        if (searcher.count(filter) > EXACT_BELOW) {
            ScoreDoc[] top = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, query, n, filter), n).scoreDocs;
            for (ScoreDoc sd : top) {
                sd.score = 2 * sd.score - 1; // DOT_PRODUCT scores (1 + dot) / 2; unit vectors: dot = cosine
            }
            return top;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(n + 1,
                Comparator.comparingDouble((ScoreDoc sd) -> sd.score).thenComparingInt(sd -> -sd.doc));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            if (scorer == null || values == null) {
                continue;
            }
            DocIdSetIterator docs = scorer.iterator();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                int at = values.docID() < d ? values.advance(d) : values.docID();
                if (at == d) {
                    best.add(new ScoreDoc(leaf.docBase + d, (float) dot(query, values.vectorValue())));
                    if (best.size() > n) {
                        best.poll();
                    }
                }
            }
        }
        ScoreDoc[] out = best.toArray(ScoreDoc[]::new);
        Arrays.sort(out, Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        return out;
    }

    static double normalisedLexical(double score, double reference, MatchConfig config) {
        return reference <= 0 ? 0 : 1 - Math.exp(-config.percentSteepness() * score / reference);
    }

    /** Lexical scores of the dense-only candidates: the lexical query restricted to their ids. */
    private static void fillLexical(IndexSearcher searcher, Query lexical, Map<Integer, double[]> scores,
                                    double reference, MatchConfig config, IntFunction<String> idOf) throws IOException {
        List<BytesRef> ids = new ArrayList<>();
        scores.forEach((doc, s) -> {
            if (Double.isNaN(s[0])) {
                s[0] = 0; // matches no key term, unless found below
                ids.add(new BytesRef(idOf.apply(doc)));
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        Query restricted = new BooleanQuery.Builder()
                .add(lexical, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(Fields.ID, ids), BooleanClause.Occur.FILTER)
                .build();
        // Ids are unique per kind only; the lexical query's kind filter keeps other kinds out.
        for (ScoreDoc sd : searcher.search(restricted, ids.size()).scoreDocs) {
            double[] s = scores.get(sd.doc);
            if (s != null) {
                s[0] = normalisedLexical(sd.score, reference, config);
            }
        }
    }

    /** Cosines of the lexical-only candidates, read from the index's vectors in doc order per segment. */
    private static void fillCosines(IndexSearcher searcher, float[] vector, Map<Integer, double[]> scores)
            throws IOException {
        int[] docs = scores.entrySet().stream().filter(e -> Double.isNaN(e.getValue()[1]))
                .mapToInt(Map.Entry::getKey).sorted().toArray();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FloatVectorValues values = null;
        int leafIndex = -1;
        for (int doc : docs) {
            double[] s = scores.get(doc);
            s[1] = -1; // a record without a vector is as far as it gets
            int li = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(li);
            if (li != leafIndex) {
                leafIndex = li;
                values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            }
            int local = doc - leaf.docBase;
            if (values != null) {
                int at = values.docID() < local ? values.advance(local) : values.docID();
                if (at == local) {
                    s[1] = dot(vector, values.vectorValue());
                }
            }
        }
    }

    /**
     * Pseudo-relevance feedback in embedding space (Rocchio): the query vector plus
     * {@link MatchConfig#feedbackWeight} × the mean vector of the top {@link MatchConfig#feedbackDocs} lexical hits,
     * re-normalised. A shop-floor need and a paper-style summary embed far apart; the best lexical hit is written in
     * the corpus's own register and pulls the query towards it. Costs no model call.
     */
    private static float[] withFeedback(IndexSearcher searcher, float[] vector, ScoreDoc[] lexical, MatchConfig config)
            throws IOException {
        int m = Math.min(config.feedbackDocs(), lexical.length);
        if (m == 0 || config.feedbackWeight() == 0) {
            return vector;
        }
        float[] q = vector.clone();
        for (int i = 0; i < m; i++) {
            float[] v = vectorOf(searcher, lexical[i].doc);
            if (v != null) {
                for (int j = 0; j < q.length; j++) {
                    q[j] += (float) (config.feedbackWeight() / m) * v[j];
                }
            }
        }
        double norm = Math.sqrt(dot(q, q));
        for (int j = 0; j < q.length; j++) {
            q[j] /= (float) norm;
        }
        return q;
    }

    /** The stored embedding of a top-level doc, or {@code null} when it has none. */
    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        int local = doc - leaf.docBase;
        return values != null && values.advance(local) == local ? values.vectorValue().clone() : null;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
