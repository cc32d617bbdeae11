package dev.duijie.eval;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Judgment;
import dev.duijie.corpus.Need;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores rankers against a corpus's judgments. Queries come from {@code qrels.tsv}: a qid that is a need gives a
 * {@link QueryType#NEED_RESULT} query over its judged results and a {@link QueryType#NEED_EXPERT} query over its
 * judged experts (each only when such judgments exist); a qid from {@code queries.tsv} gives a
 * {@link QueryType#STAFF_QUERY} over its judged results. A query without a doc graded ≥
 * {@link Metrics#RELEVANT_GRADE} is a no-answer query: counted, never ranked or averaged. Judgments whose qid or
 * doc id the corpus does not know are ignored (the loader already rejects them in files). The queries are built
 * once, so one evaluator serves any number of modes.
 */
public final class Evaluator {
    /** How many ids each ranker is asked for (Recall@50 needs 50). */
    public static final int DEPTH = 50;

    private final List<EvalQuery> queries;
    private final Map<QueryType, Integer> noAnswer;

    public Evaluator(Corpus corpus) {
        // qid → type → doc → grade, in first-judgment order; the first judgment of a pair wins.
        Map<String, Map<QueryType, Map<String, Integer>>> byQid = new LinkedHashMap<>();
        for (Judgment j : corpus.judgments()) {
            boolean isNeed = corpus.need(j.qid()).isPresent();
            boolean isStaff = !isNeed && corpus.queries().containsKey(j.qid());
            boolean isResult = corpus.result(j.docId()).isPresent();
            // A doc id may name both a result and an expert (ids are unique per kind only): it counts for both.
            List<QueryType> types = new ArrayList<>(2);
            if (isNeed && isResult) {
                types.add(QueryType.NEED_RESULT);
            }
            if (isNeed && corpus.expert(j.docId()).isPresent()) {
                types.add(QueryType.NEED_EXPERT);
            }
            if (isStaff && isResult) {
                types.add(QueryType.STAFF_QUERY);
            }
            for (QueryType t : types) {
                byQid.computeIfAbsent(j.qid(), q -> new EnumMap<>(QueryType.class))
                        .computeIfAbsent(t, x -> new LinkedHashMap<>())
                        .putIfAbsent(j.docId(), j.grade());
            }
        }
        List<EvalQuery> scored = new ArrayList<>();
        Map<QueryType, Integer> missing = new EnumMap<>(QueryType.class);
        byQid.forEach((qid, perType) -> perType.forEach((type, grades) -> {
            String text = type == QueryType.STAFF_QUERY
                    ? corpus.queries().get(qid)
                    : corpus.need(qid).map(Need::text).orElseThrow();
            if (Metrics.hasRelevant(grades)) {
                scored.add(new EvalQuery(type, qid, text, grades));
            } else {
                missing.merge(type, 1, Integer::sum);
            }
        }));
        this.queries = List.copyOf(scored);
        this.noAnswer = Map.copyOf(missing);
    }

    /** The queries that will be ranked (no-answer queries excluded). */
    List<EvalQuery> queries() {
        return queries;
    }

    /** Ranks every scorable query with {@code ranker} and scores it. */
    public EvalResult evaluate(String mode, Ranker ranker) throws IOException {
        List<QueryRow> rows = new ArrayList<>(queries.size());
        for (EvalQuery q : queries) {
            if (!ranker.supports(q.type())) {
                continue;
            }
            List<String> ranking = ranker.rank(q.type(), q.qid(), q.text(), DEPTH);
            if (ranking == null) {
                throw new IllegalStateException("mode " + mode + " returned null for " + q.qid());
            }
            Map<String, Integer> g = q.grades();
            rows.add(new QueryRow(mode, q.qid(), q.type(), q.half(),
                    Metrics.ndcgAt(ranking, g, 10), Metrics.recallAt(ranking, g, 50),
                    Metrics.mrrAt(ranking, g, 10), Metrics.precisionAt(ranking, g, 5),
                    Metrics.judgedAt(ranking, g, 10)));
        }
        return new EvalResult(mode, rows, noAnswer);
    }

    /** Evaluates each mode in map order (use a {@link LinkedHashMap} for a stable report order). */
    public List<EvalResult> evaluate(Map<String, Ranker> rankers) throws IOException {
        List<EvalResult> out = new ArrayList<>(rankers.size());
        for (Map.Entry<String, Ranker> e : rankers.entrySet()) {
            out.add(evaluate(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }
}
