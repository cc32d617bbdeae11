/**
 * Chinese analysis that keeps technical terms whole.
 *
 * <p>Index chain ({@link dev.duijie.analysis.DomainAnalyzer}): smartcn's {@code HMMChineseTokenizer} (which already
 * lower-cases and folds full-width letters and digits) → {@code AlnumJoinFilter} (1200/v → 1200v, 3300 v → 3300v)
 * → {@code LexiconFilter} (氮化/硅 → 氮化硅 over the pieces, which stay at their positions) →
 * {@code PunctuationFilter}. No stemming (smartcn's analyzer would turn MEMS into "mem"), no stop words in the index.
 * Recall chain ({@link dev.duijie.analysis.BigramAnalyzer}): CJK bigrams for terms in no dictionary.
 *
 * <p>Characters outside the BMP (CJK Extension B such as 𠀀, emoji): Lucene 9.12.3's HMMChineseTokenizer keeps each
 * as one token of two UTF-16 units; tests pin that, so a regression would show.
 *
 * <p>{@link dev.duijie.analysis.Vocabulary} holds the bundled lexicon, synonym groups and the query-side stop list;
 * user lexicon files (one term per line, {@code #} comments, UTF-8) are added at index time and every bad line is
 * reported as file:line.
 */
package dev.duijie.analysis;
