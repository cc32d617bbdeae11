package dev.duijie.match;

import dev.duijie.corpus.Kind;
import dev.duijie.index.Fields;
import dev.duijie.index.SearchIndex;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Builds Lucene queries from key terms — never from raw text, so query syntax in user input (AND, *, ", :) is
 * just text. Every clause is a term, a phrase of two indexed terms or a filter.
 */
final class QueryBuilder {
    /** Proximity pairs per query: enough for the key phrases of a long need, bounded for latency. */
    private static final int MAX_PAIRS = 16;

    private QueryBuilder() {
    }

    static Query build(Kind kind, List<KeyTerms.KeyTerm> terms, List<String> bigrams, Filters filters,
                       MatchConfig config) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        String title = Fields.text(kind, Fields.Role.TITLE);
        String keywords = Fields.text(kind, Fields.Role.KEYWORDS);
        String body = Fields.text(kind, Fields.Role.BODY);
        for (KeyTerms.KeyTerm t : terms) {
            Query perField = new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(title, t.term())), (float) config.titleBoost()),
                    new BoostQuery(new TermQuery(new Term(keywords, t.term())), (float) config.keywordsBoost()),
                    new TermQuery(new Term(body, t.term()))), config.tieBreaker());
            q.add(new BoostQuery(perField, (float) t.weight()), BooleanClause.Occur.SHOULD);
        }
        if (!bigrams.isEmpty() && config.bigramWeight() > 0) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            String field = Fields.text(kind, Fields.Role.BIGRAM);
            bigrams.forEach(g -> b.add(new TermQuery(new Term(field, g)), BooleanClause.Occur.SHOULD));
            q.add(new BoostQuery(b.build(), (float) config.bigramWeight()), BooleanClause.Occur.SHOULD);
        }
        if (config.proximityWeight() > 0) {
            List<KeyTerms.KeyTerm> own = terms.stream().filter(t -> t.synonymOf() == null && t.weight() >= 1.0)
                    .sorted(Comparator.comparingInt(KeyTerms.KeyTerm::position)).toList();
            for (int i = 0; i + 1 < own.size() && i < MAX_PAIRS; i++) {
                KeyTerms.KeyTerm a = own.get(i);
                KeyTerms.KeyTerm b = own.get(i + 1);
                Query phrase = new PhraseQuery(config.proximitySlop(), body, a.term(), b.term());
                q.add(new BoostQuery(phrase, (float) (config.proximityWeight() * Math.min(a.weight(), b.weight()))),
                        BooleanClause.Occur.SHOULD);
            }
        }
        q.setMinimumNumberShouldMatch(1);
        addFilters(q, kind, filters);
        return q.build();
    }

    /** Filters only: for listing a kind with no text (used by search with an empty query). */
    static Query filtersOnly(Kind kind, Filters filters) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        addFilters(q, kind, filters);
        return q.build();
    }

    private static void addFilters(BooleanQuery.Builder q, Kind kind, Filters f) {
        q.add(SearchIndex.kindQuery(kind), BooleanClause.Occur.FILTER);
        anyOf(q, Fields.INDUSTRY, f.industries());
        anyOf(q, Fields.INSTITUTION, f.institutions());
        anyOf(q, Fields.REGION, f.regions());
        anyOf(q, Fields.IP_TYPE, f.ipTypes());
        anyOf(q, Fields.TRANSFER_MODE, f.transferModes());
        if (f.trlMin() != null || f.trlMax() != null) {
            q.add(IntPoint.newRangeQuery(Fields.TRL, f.trlMin() == null ? 1 : f.trlMin(),
                    f.trlMax() == null ? 9 : f.trlMax()), BooleanClause.Occur.FILTER);
        }
        if (f.dateFrom() != null || f.dateTo() != null) {
            q.add(LongPoint.newRangeQuery(Fields.DATE, f.dateFrom() == null ? Long.MIN_VALUE : f.dateFrom().toEpochDay(),
                    f.dateTo() == null ? Long.MAX_VALUE : f.dateTo().toEpochDay()), BooleanClause.Occur.FILTER);
        }
    }

    private static void anyOf(BooleanQuery.Builder q, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
        q.add(any.build(), BooleanClause.Occur.FILTER);
    }
}
