package dev.duijie.eval;

import java.util.Map;

/** One query to evaluate: its text and the grades of its judged docs (of the kind the type searches). */
record EvalQuery(QueryType type, String qid, String text, Map<String, Integer> grades) {
    EvalQuery {
        grades = Map.copyOf(grades);
    }

    Half half() {
        return Half.of(qid);
    }
}
