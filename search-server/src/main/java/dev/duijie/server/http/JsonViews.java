package dev.duijie.server.http;

import dev.duijie.Duijie;
import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Institution;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Result;
import dev.duijie.match.Hit;
import dev.duijie.match.MatchedTerm;
import dev.duijie.match.Reason;
import dev.duijie.match.SearchPage;
import dev.duijie.match.Snippet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the API (documented in openapi.json). Field names are camelCase English; each hit also
 * carries 匹配度 and 匹配理由 under those exact Chinese keys, which other tools read.
 */
final class JsonViews {
    private final Duijie duijie;

    JsonViews(Duijie duijie) {
        this.duijie = duijie;
    }

    List<Map<String, Object>> hits(List<Hit> hits) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(hit(h));
        }
        return out;
    }

    Map<String, Object> hit(Hit h) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", h.kind().plural());
        m.put("id", h.id());
        m.put("title", h.title());
        m.put("score", Math.round(h.score() * 10000) / 10000.0);
        m.put("matchPercent", h.matchPercent());
        m.put("匹配度", h.matchPercent());
        m.put("snippets", h.snippets().stream().map(JsonViews::snippet).toList());
        m.put("matchedTerms", h.matchedTerms().stream().map(JsonViews::term).toList());
        m.put("reasons", h.reasons().stream().map(JsonViews::reason).toList());
        m.put("匹配理由", h.reasons().stream().map(Reason::text).toList());
        m.put("record", h.record());
        m.putAll(related(h.record()));
        if (h.kind() == Kind.EXPERT) {
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Hit e : h.evidence()) {
                evidence.add(Map.of("id", e.id(), "title", e.title(), "matchPercent", e.matchPercent()));
            }
            m.put("evidence", evidence);
        }
        return m;
    }

    /** The institution and team members of a result, the institution of an expert, by name. */
    Map<String, Object> related(Object record) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        String institution = record instanceof Result r ? r.institution() : record instanceof Expert e ? e.institution() : null;
        if (institution != null) {
            duijie.get(Kind.INSTITUTION, institution).ifPresent(i ->
                    m.put("institution", Map.of("id", institution, "name", ((Institution) i).name())));
        }
        if (record instanceof Result r) {
            List<Map<String, Object>> team = new ArrayList<>();
            for (String id : r.team()) {
                duijie.get(Kind.EXPERT, id).ifPresent(x -> {
                    Expert e = (Expert) x;
                    Map<String, Object> member = new LinkedHashMap<>();
                    member.put("id", e.id());
                    member.put("name", e.name());
                    if (e.title() != null) {
                        member.put("title", e.title());
                    }
                    team.add(member);
                });
            }
            m.put("team", team);
        }
        return m;
    }

    Map<String, Object> page(SearchPage page) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hits", hits(page.hits()));
        m.put("total", page.total());
        m.put("page", page.page());
        m.put("size", page.size());
        m.put("facets", page.facets());
        return m;
    }

    private static Map<String, Object> snippet(Snippet s) {
        return Map.of("text", s.text(), "highlights",
                s.highlights().stream().map(h -> List.of(h.start(), h.end())).toList());
    }

    private static Map<String, Object> term(MatchedTerm t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("term", t.term());
        m.put("synonymOf", t.synonymOf());
        return m;
    }

    private static Map<String, Object> reason(Reason r) {
        return Map.of("type", r.type().name().toLowerCase(Locale.ROOT), "text", r.text());
    }
}
