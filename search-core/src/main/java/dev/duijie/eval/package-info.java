/**
 * Relevance evaluation: metrics (nDCG@10, Recall@50, MRR@10, P@5), judged-set evaluation per query type and half,
 * the newcomer's baseline (StandardAnalyzer BM25), judging pools, and the CSL-dev converter.
 */
package dev.duijie.eval;
