package dev.duijie.corpus;

/**
 * One relevance judgment from {@code qrels.tsv}.
 *
 * @param qid   a need id or a staff-query id from {@code queries.tsv}
 * @param docId a result id or an expert id
 * @param grade 0 not relevant, 1 same sub-field, 2 strongly relevant, 3 directly solves the need
 */
public record Judgment(String qid, String docId, int grade) {
}
