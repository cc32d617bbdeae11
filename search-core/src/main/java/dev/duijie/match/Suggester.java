package dev.duijie.match;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Result;
import dev.duijie.index.SearchIndex;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Prefix completion over result titles, result keywords and expert names, held in memory as a sorted map from
 * lower-cased text to suggestions (about 100 bytes per entry: fine for the bundled corpus and 100,000 records;
 * an FST from lucene-suggest is the step for millions). Keywords used by more results rank first.
 */
final class Suggester {
    private final NavigableMap<String, List<Suggestion>> byKey = new TreeMap<>();
    private final Map<String, Integer> keywordUse = new HashMap<>();

    Suggester(SearchIndex index) throws IOException {
        for (ScoreDoc sd : index.searcher().search(SearchIndex.kindQuery(Kind.RESULT), Integer.MAX_VALUE).scoreDocs) {
            Result r = (Result) index.record(Kind.RESULT, sd.doc);
            add(r.title(), new Suggestion(r.title(), "title", Kind.RESULT, r.id()));
            for (String k : r.keywords()) {
                if (keywordUse.merge(k, 1, Integer::sum) == 1) {
                    add(k, new Suggestion(k, "keyword", Kind.RESULT, null));
                }
            }
        }
        for (ScoreDoc sd : index.searcher().search(SearchIndex.kindQuery(Kind.EXPERT), Integer.MAX_VALUE).scoreDocs) {
            Expert e = (Expert) index.record(Kind.EXPERT, sd.doc);
            add(e.name(), new Suggestion(e.name(), "expert", Kind.EXPERT, e.id()));
        }
    }

    private void add(String text, Suggestion s) {
        byKey.computeIfAbsent(text.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(s);
    }

    /** Up to {@code n} completions of {@code prefix}: keywords by use, then names, then titles, shorter first. */
    List<Suggestion> suggest(String prefix, int n) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return List.of();
        }
        List<Suggestion> found = new ArrayList<>();
        for (List<Suggestion> list : byKey.subMap(p, true, p + Character.MAX_VALUE, false).values()) {
            found.addAll(list);
            if (found.size() >= 500) {
                break; // enough to rank; a one-character prefix can match thousands
            }
        }
        found.sort((a, b) -> {
            int byRank = Integer.compare(rank(a), rank(b));
            if (byRank != 0) {
                return byRank;
            }
            int byUse = Integer.compare(keywordUse.getOrDefault(b.text(), 0), keywordUse.getOrDefault(a.text(), 0));
            return byUse != 0 ? byUse : Integer.compare(a.text().length(), b.text().length());
        });
        return List.copyOf(found.subList(0, Math.min(n, found.size())));
    }

    private static int rank(Suggestion s) {
        return switch (s.source()) {
            case "keyword" -> 0;
            case "expert" -> 1;
            default -> 2;
        };
    }
}
