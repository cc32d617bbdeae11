package dev.duijie.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rank fusion of several rankings of the same query. */
public final class Fusion {
    private Fusion() {
    }

    /**
     * Reciprocal-rank fusion (Cormack et al. 2009): score(d) = Σ weight_i / (k + rank_i(d)), ranks from 1; documents
     * missing from a ranking get nothing from it. Ties keep first-seen order.
     */
    public static List<String> rrf(List<List<String>> rankings, List<Double> weights, int k, int depth) {
        Map<String, Double> score = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                String id = ranking.get(i);
                if (!score.containsKey(id)) {
                    seen.add(id);
                }
                score.merge(id, weights.get(r) / (k + i + 1), Double::sum);
            }
        }
        List<String> out = new ArrayList<>(seen);
        out.sort((a, b) -> Double.compare(score.get(b), score.get(a)));
        return out.subList(0, Math.min(depth, out.size()));
    }
}
