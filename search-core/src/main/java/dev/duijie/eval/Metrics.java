package dev.duijie.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranking metrics over graded judgments. A ranking is a list of doc ids, best first; grades map doc id → 0–3 and
 * an id missing from the map counts as grade 0. A doc id repeated in a ranking counts once: later copies are
 * dropped before scoring (the first keeps its rank), so a ranker cannot score a relevant doc twice. Nulls in a
 * ranking are dropped the same way.
 */
public final class Metrics {
    /**
     * The lowest grade that counts as relevant for recall, MRR and precision: 2 (strongly relevant) and 3 (solves
     * the need) count; 1 (same sub-field, does not solve it) does not. nDCG uses all grades through its gain.
     */
    public static final int RELEVANT_GRADE = 2;

    private Metrics() {
    }

    /**
     * nDCG@k with gain 2^grade − 1 and discount log2(rank + 1), rank 1-based. The ideal DCG sorts all judged
     * grades of the query; 0 when the ideal is 0 (nothing judged above 0).
     */
    public static double ndcgAt(List<String> ranking, Map<String, Integer> grades, int k) {
        checkK(k);
        List<Integer> ideal = grades.values().stream().filter(Objects::nonNull)
                .sorted(Comparator.reverseOrder()).toList();
        double idcg = dcg(ideal, k);
        if (idcg == 0) {
            return 0;
        }
        List<Integer> actual = new ArrayList<>();
        for (String id : top(ranking, k)) {
            actual.add(grade(grades, id));
        }
        return dcg(actual, k) / idcg;
    }

    /** Relevant docs in the top k over all relevant docs judged for the query; 0 when none is relevant. */
    public static double recallAt(List<String> ranking, Map<String, Integer> grades, int k) {
        checkK(k);
        long relevant = grades.values().stream().filter(g -> g != null && g >= RELEVANT_GRADE).count();
        return relevant == 0 ? 0 : (double) relevantIn(top(ranking, k), grades) / relevant;
    }

    /** 1 / rank of the first relevant doc within the top k, else 0. */
    public static double mrrAt(List<String> ranking, Map<String, Integer> grades, int k) {
        checkK(k);
        int rank = 0;
        for (String id : top(ranking, k)) {
            rank++;
            if (grade(grades, id) >= RELEVANT_GRADE) {
                return 1.0 / rank;
            }
        }
        return 0;
    }

    /** Relevant docs in the top k divided by k (a ranking shorter than k is not rewarded for being short). */
    public static double precisionAt(List<String> ranking, Map<String, Integer> grades, int k) {
        checkK(k);
        return (double) relevantIn(top(ranking, k), grades) / k;
    }

    /**
     * Judged docs (any grade, 0 included) in the top k divided by k: how far a ranking strays outside the judged
     * pools. A low value means unjudged docs count as misses, so the other metrics under-rate that ranking.
     */
    public static double judgedAt(List<String> ranking, Map<String, Integer> grades, int k) {
        checkK(k);
        return top(ranking, k).stream().filter(grades::containsKey).count() / (double) k;
    }

    /** Whether any judged doc is relevant; queries without one cannot be scored by recall or MRR. */
    public static boolean hasRelevant(Map<String, Integer> grades) {
        return grades.values().stream().anyMatch(g -> g != null && g >= RELEVANT_GRADE);
    }

    private static double dcg(List<Integer> grades, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, grades.size()); i++) {
            int g = grades.get(i);
            if (g > 0) {
                sum += (Math.pow(2, g) - 1) / log2(i + 2);
            }
        }
        return sum;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    /** The first k distinct, non-null ids. */
    private static Collection<String> top(List<String> ranking, int k) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String id : ranking) {
            if (seen.size() == k) {
                break;
            }
            if (id != null) {
                seen.add(id);
            }
        }
        return seen;
    }

    private static int relevantIn(Collection<String> ids, Map<String, Integer> grades) {
        int n = 0;
        for (String id : ids) {
            if (grade(grades, id) >= RELEVANT_GRADE) {
                n++;
            }
        }
        return n;
    }

    private static int grade(Map<String, Integer> grades, String id) {
        return Objects.requireNonNullElse(grades.get(id), 0);
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1, was " + k);
        }
    }
}
