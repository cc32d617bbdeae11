package dev.duijie.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one mode over one corpus: a row per scored query, and how many queries per type had no
 * relevant doc (no-answer queries: they are neither ranked nor averaged, since recall and MRR are undefined).
 *
 * @param mode     the mode name, e.g. {@code lexical}
 * @param rows     one row per scored query, in judgment order
 * @param noAnswer per type, the number of no-answer queries (every type present, zero when none)
 */
public record EvalResult(String mode, List<QueryRow> rows, Map<QueryType, Integer> noAnswer) {
    /** The key of the group of all query types in {@link #summary()}. */
    public static final String ALL = "all";

    public EvalResult {
        rows = List.copyOf(rows);
        EnumMap<QueryType, Integer> counts = new EnumMap<>(QueryType.class);
        for (QueryType t : QueryType.values()) {
            counts.put(t, noAnswer.getOrDefault(t, 0));
        }
        noAnswer = Collections.unmodifiableMap(counts);
    }

    /**
     * Mean metrics over the rows of one type and half.
     *
     * @param type a type, or {@code null} for all types
     * @param half a half, or {@code null} for both
     */
    public Scores scores(QueryType type, Half half) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        double p = 0;
        double judged = 0;
        int n = 0;
        for (QueryRow r : rows) {
            if ((type == null || r.type() == type) && (half == null || r.half() == half)) {
                ndcg += r.ndcg10();
                recall += r.recall50();
                mrr += r.mrr10();
                p += r.p5();
                judged += r.judged10();
                n++;
            }
        }
        return n == 0 ? new Scores(0, 0, 0, 0, 0, 0)
                : new Scores(ndcg / n, recall / n, mrr / n, p / n, judged / n, n);
    }

    /**
     * The groups reported for this mode, in report order: each type with scored queries ({@code need-result} …),
     * then {@code all} (always present), then the halves of each of those ({@code need-result/tuning},
     * {@code need-result/reporting} …, {@code all/tuning}, {@code all/reporting}). Groups without queries are
     * left out, except {@code all}.
     */
    public Map<String, Scores> summary() {
        Map<String, Scores> out = new LinkedHashMap<>();
        Map<String, QueryType> groups = new LinkedHashMap<>();
        for (QueryType t : QueryType.values()) {
            Scores s = scores(t, null);
            if (s.queries() > 0) {
                out.put(t.label(), s);
                groups.put(t.label(), t);
            }
        }
        out.put(ALL, scores(null, null));
        groups.put(ALL, null);
        groups.forEach((label, type) -> {
            for (Half h : Half.values()) {
                Scores s = scores(type, h);
                if (s.queries() > 0) {
                    out.put(label + "/" + h.label(), s);
                }
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** No-answer queries over all types. */
    public int noAnswerTotal() {
        return noAnswer.values().stream().mapToInt(Integer::intValue).sum();
    }
}
