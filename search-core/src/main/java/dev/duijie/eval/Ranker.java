package dev.duijie.eval;

import java.io.IOException;
import java.util.List;

/** A retrieval mode under evaluation: returns doc ids (result or expert ids), best first. */
@FunctionalInterface
public interface Ranker {
    /**
     * Ranks docs for one query.
     *
     * @param type  what is searched: results for {@link QueryType#NEED_RESULT} and {@link QueryType#STAFF_QUERY},
     *              experts for {@link QueryType#NEED_EXPERT}
     * @param qid   the need id or staff-query id (for logging; a ranker must not look up its judgments)
     * @param text  the query text: the need's title and description, or the staff query
     * @param depth how many ids are wanted; more are ignored
     */
    List<String> rank(QueryType type, String qid, String text, int depth) throws IOException;

    /**
     * The product's ranking of an open index: results for need texts and staff queries ({@code rankIds}), experts
     * ({@code rankExpertIds}), lexical or hybrid as {@code duijie} was opened.
     */
    static Ranker of(dev.duijie.Duijie duijie) {
        return (type, qid, text, depth) -> type == QueryType.NEED_EXPERT
                ? duijie.matcher().rankExpertIds(text, depth)
                : duijie.matcher().rankIds(dev.duijie.corpus.Kind.RESULT, text, depth);
    }

    /** Whether this ranker answers queries of {@code type}; unsupported types are left out of its report. */
    default boolean supports(QueryType type) {
        return true;
    }
}
