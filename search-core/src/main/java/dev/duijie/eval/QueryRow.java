package dev.duijie.eval;

/** One evaluated query of one mode, with its metrics (a row of the per-query table). */
public record QueryRow(String mode, String qid, QueryType type, Half half,
                       double ndcg10, double recall50, double mrr10, double p5, double judged10) {
}
