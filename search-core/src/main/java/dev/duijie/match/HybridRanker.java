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
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
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
        for (ScoreDoc sd : searcher.search(lexical, n).scoreDocs) {
            scores.put(sd.doc, new double[]{normalisedLexical(sd.score, reference, config), Double.NaN});
        }
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, n, filter), n).scoreDocs) {
            // DOT_PRODUCT similarity scores (1 + dot) / 2; vectors are unit length, so dot is the cosine.
            scores.computeIfAbsent(sd.doc, d -> new double[]{Double.NaN, Double.NaN})[1] = 2.0 * sd.score - 1;
        }
        fillLexical(searcher, lexical, scores, reference, config, idOf);
        fillCosines(searcher, vector, scores);
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

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
