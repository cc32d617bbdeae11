package dev.duijie.match;

import dev.duijie.corpus.Kind;

import java.util.List;

/**
 * One ranked hit, explained.
 *
 * @param kind         kind of the record
 * @param id           record id
 * @param title        title (results, needs) or name (experts, institutions)
 * @param score        raw ranking score (comparable within one call only)
 * @param matchPercent 匹配度 0–100, monotone in {@code score} within one call (see {@link MatchConfig})
 * @param snippets     best sentences with matched terms marked
 * @param matchedTerms key terms of the query found in this record
 * @param reasons      匹配理由, in Chinese
 * @param record       the full record ({@link dev.duijie.corpus.Result}, {@link dev.duijie.corpus.Need}, …)
 * @param evidence     for experts: their results that matched, best first; empty otherwise
 */
public record Hit(Kind kind, String id, String title, double score, int matchPercent, List<Snippet> snippets,
                  List<MatchedTerm> matchedTerms, List<Reason> reasons, Object record, List<Hit> evidence) {
    public Hit {
        snippets = List.copyOf(snippets);
        matchedTerms = List.copyOf(matchedTerms);
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
    }
}
