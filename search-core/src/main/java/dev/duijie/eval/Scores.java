package dev.duijie.eval;

/**
 * Mean metrics over a group of queries (or one query's metrics, with {@code queries} = 1).
 *
 * @param ndcg10   nDCG@10
 * @param recall50 Recall@50
 * @param mrr10    MRR@10
 * @param p5       P@5
 * @param judged10 Judged@10 (share of the top 10 that was judged; see {@link Metrics#judgedAt})
 * @param queries  number of queries averaged; 0 gives all-zero metrics
 */
public record Scores(double ndcg10, double recall50, double mrr10, double p5, double judged10, int queries) {
}
